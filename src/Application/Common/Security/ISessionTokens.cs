namespace Conclave.Application.Common.Security;

public interface ISessionTokens
{
    /// <summary>64 lower-case hex characters from 32 CSPRNG bytes.</summary>
    string NewToken();
    /// <summary>Lower-case hex SHA-256 of the token's characters: the only form that is stored.</summary>
    string Hash(string token);
}
