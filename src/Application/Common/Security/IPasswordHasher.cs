namespace Conclave.Application.Common.Security;

/// <summary>
/// Argon2id with a random salt, PHC string format. Asynchronous because the number of hashes computed at once is
/// bounded: a caller past the bound waits without holding a thread, so a login flood cannot starve other requests.
/// </summary>
public interface IPasswordHasher
{
    Task<string> HashAsync(string password, CancellationToken cancellationToken);
    Task<bool> VerifyAsync(string encodedHash, string password, CancellationToken cancellationToken);
    /// <summary>Spends the time of one verification on a dummy hash, so unknown usernames cost as much as wrong passwords.</summary>
    Task VerifyDummyAsync(CancellationToken cancellationToken);
}
