namespace Conclave.Application.Common.Security;

/// <summary>Argon2id with a random salt, PHC string format.</summary>
public interface IPasswordHasher
{
    string Hash(string password);
    bool Verify(string encodedHash, string password);
    /// <summary>Spends the time of one verification on a dummy hash, so unknown usernames cost as much as wrong passwords.</summary>
    void VerifyDummy();
}
