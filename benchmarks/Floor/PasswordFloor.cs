using System.Text;

namespace Conclave.Benchmarks.Floor;

/// <summary>Argon2id through libsodium (Geralt) with the server's cost: m=19456 KiB, t=2, p=1.</summary>
internal static class PasswordFloor
{
    public const string Password = "benchmark-password";

    public static string NewHash()
    {
        Span<char> encoded = stackalloc char[Geralt.Argon2id.HashSize];
        Geralt.Argon2id.ComputeHash(encoded, Encoding.UTF8.GetBytes(Password), 2, 19_456 * 1024);
        var end = encoded.IndexOf('\0');
        return new string(end < 0 ? encoded : encoded[..end]);
    }

    public static bool Verify(string hash, string password) => Geralt.Argon2id.VerifyHash(hash, Encoding.UTF8.GetBytes(password));
}
