using System.Security.Cryptography;
using System.Text;
using Conclave.Application.Common.Security;

namespace Conclave.Infrastructure.Security;

internal sealed class SessionTokens : ISessionTokens
{
    public string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
