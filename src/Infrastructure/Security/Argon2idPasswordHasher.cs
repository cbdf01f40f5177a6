using System.Text;
using Conclave.Application.Common.Security;

namespace Conclave.Infrastructure.Security;

// libsodium's Argon2id (through Geralt) with the reference's cost: m=19456 KiB, t=2, p=1, 16-byte random salt,
// PHC string. Chosen over the managed candidates for speed (docs/security.md): same hash, a quarter of the CPU.
// At most half the CPUs (at least one) hash at once, on low-priority threads of their own (HashingThreads); the other
// callers wait their turn without holding a thread, so a flood of logins or registrations leaves the CPU to message
// traffic (docs/performance.md).
internal sealed class Argon2idPasswordHasher : IPasswordHasher
{
    private const int Iterations = 2;
    private const int MemoryBytes = 19_456 * 1024;
    public static readonly int ConcurrentHashes = Math.Max(1, Environment.ProcessorCount / 2);
    private static readonly HashingThreads Threads = new(ConcurrentHashes);
    private readonly Lazy<string> _dummyHash;

    public Argon2idPasswordHasher() => _dummyHash = new Lazy<string>(() => Hash("conclave-timing-equalisation"));

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunInSlotAsync(() => Hash(password), cancellationToken);

    public Task<bool> VerifyAsync(string encodedHash, string password, CancellationToken cancellationToken) =>
        RunInSlotAsync(() => Verify(encodedHash, password), cancellationToken);

    public Task VerifyDummyAsync(CancellationToken cancellationToken) =>
        RunInSlotAsync(() => Verify(_dummyHash.Value, "not-the-password"), cancellationToken);

    internal Task<T> RunInSlotAsync<T>(Func<T> work, CancellationToken cancellationToken) => Threads.RunAsync(work, cancellationToken);

    private static string Hash(string password)
    {
        Span<char> encoded = stackalloc char[Geralt.Argon2id.HashSize];
        Geralt.Argon2id.ComputeHash(encoded, Encoding.UTF8.GetBytes(password), Iterations, MemoryBytes);
        var end = encoded.IndexOf('\0');
        return new string(end < 0 ? encoded : encoded[..end]);
    }

    private static bool Verify(string encodedHash, string password) =>
        Geralt.Argon2id.VerifyHash(encodedHash, Encoding.UTF8.GetBytes(password));
}
