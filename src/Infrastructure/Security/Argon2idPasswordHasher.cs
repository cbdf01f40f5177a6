using System.Runtime.InteropServices;
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
    private const int OutOfMemory = 12; // ENOMEM
    // Each hash maps its 19 MiB afresh: a moment when the system refuses it is waited out before it becomes an error.
    internal const int MemoryAttempts = 3;
    private static readonly TimeSpan MemoryPause = TimeSpan.FromMilliseconds(100);
    public static readonly int ConcurrentHashes = Math.Max(1, Environment.ProcessorCount / 2);
    private static readonly HashingThreads Threads = new(ConcurrentHashes);
    // PublicationOnly: a first computation that failed for want of memory is tried again, not remembered.
    private readonly Lazy<string> _dummyHash = new(() => Hash("conclave-timing-equalisation"), LazyThreadSafetyMode.PublicationOnly);

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunInSlotAsync(() => Hash(password), cancellationToken);

    public Task<bool> VerifyAsync(string encodedHash, string password, CancellationToken cancellationToken) =>
        RunInSlotAsync(() => Verify(encodedHash, password), cancellationToken);

    public Task VerifyDummyAsync(CancellationToken cancellationToken) =>
        RunInSlotAsync(() => Verify(_dummyHash.Value, "not-the-password"), cancellationToken);

    internal Task<T> RunInSlotAsync<T>(Func<T> work, CancellationToken cancellationToken) =>
        Threads.RunAsync(() => WhileMemoryShort(work, MemoryPause), cancellationToken);

    internal static T WhileMemoryShort<T>(Func<T> work, TimeSpan pause)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return work();
            }
            catch (InsufficientMemoryException) when (attempt < MemoryAttempts)
            {
                Thread.Sleep(pause); // a hashing thread of its own: nothing else waits on it
            }
        }
    }

    // libsodium answers a failed allocation as it answers a wrong password; only errno tells them apart. Unchecked, a
    // right password would be refused as wrong, and counted as a failed login.
    internal static bool MatchedOrThrow(bool matched, int errno) =>
        matched || errno != OutOfMemory ? matched : throw new InsufficientMemoryException("Argon2id could not allocate its memory.");

    private static string Hash(string password)
    {
        Span<char> encoded = stackalloc char[Geralt.Argon2id.HashSize];
        Geralt.Argon2id.ComputeHash(encoded, Encoding.UTF8.GetBytes(password), Iterations, MemoryBytes);
        var end = encoded.IndexOf('\0');
        return new string(end < 0 ? encoded : encoded[..end]);
    }

    private static bool Verify(string encodedHash, string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        Marshal.SetLastSystemError(0);
        var matched = Geralt.Argon2id.VerifyHash(encodedHash, bytes);
        return MatchedOrThrow(matched, Marshal.GetLastSystemError()); // read at once, before other code can set it
    }
}
