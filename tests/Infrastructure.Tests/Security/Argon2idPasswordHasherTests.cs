using System.Text.RegularExpressions;
using Conclave.Infrastructure.Security;

namespace Conclave.Infrastructure.Tests.Security;

// CLARIFICATIONS §4.7: Argon2id v19, m=19456 KiB, t=2, p=1, 16-byte salt, 32-byte hash, PHC string.
public sealed partial class Argon2idPasswordHasherTests
{
    private readonly Argon2idPasswordHasher _hasher = new();

    [GeneratedRegex(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$")]
    private static partial Regex ReferenceFormat();

    [Fact]
    public async Task A_hash_is_a_phc_string_with_the_reference_parameters() =>
        Assert.Matches(ReferenceFormat(), await _hasher.HashAsync("correct horse", default));

    [Fact]
    public async Task Each_hash_has_its_own_salt() =>
        Assert.NotEqual(await _hasher.HashAsync("correct horse", default), await _hasher.HashAsync("correct horse", default));

    [Theory]
    [InlineData("correct horse")]
    [InlineData("密码密")]
    [InlineData("")]
    public async Task The_password_verifies_against_its_hash(string password) =>
        Assert.True(await _hasher.VerifyAsync(await _hasher.HashAsync(password, default), password, default));

    [Theory]
    [InlineData("correct horsE")]
    [InlineData("correct horse ")]
    [InlineData("")]
    public async Task Another_password_does_not(string other) =>
        Assert.False(await _hasher.VerifyAsync(await _hasher.HashAsync("correct horse", default), other, default));

    // libsodium answers "could not allocate" as it answers a wrong password, with errno ENOMEM (checked by hand: the
    // verification of a right password under `ulimit -v`, with the address space used up, returns false and errno 12).
    [Fact]
    public void A_failed_verification_with_errno_out_of_memory_is_an_error_not_a_wrong_password() =>
        Assert.Throws<InsufficientMemoryException>(() => Argon2idPasswordHasher.MatchedOrThrow(false, errno: 12));

    [Fact]
    public void A_failed_verification_without_it_is_a_wrong_password_and_a_match_is_a_match()
    {
        Assert.False(Argon2idPasswordHasher.MatchedOrThrow(false, errno: 0));
        Assert.False(Argon2idPasswordHasher.MatchedOrThrow(false, errno: 22));
        Assert.True(Argon2idPasswordHasher.MatchedOrThrow(true, errno: 12));
    }

    [Fact]
    public void A_hash_short_of_memory_is_tried_again()
    {
        var attempts = 0;
        var result = Argon2idPasswordHasher.WhileMemoryShort(
            () => ++attempts < Argon2idPasswordHasher.MemoryAttempts ? throw new InsufficientMemoryException() : "hashed", TimeSpan.Zero);
        Assert.Equal(("hashed", Argon2idPasswordHasher.MemoryAttempts), (result, attempts));
    }

    [Fact]
    public void A_hash_still_short_of_memory_after_its_attempts_fails() =>
        Assert.Equal(Argon2idPasswordHasher.MemoryAttempts, AttemptsBeforeFailing(new InsufficientMemoryException()));

    [Fact]
    public void Other_failures_are_not_retried() => Assert.Equal(1, AttemptsBeforeFailing(new FormatException()));

    private static int AttemptsBeforeFailing(Exception failure)
    {
        var attempts = 0;
        var thrown = Assert.ThrowsAny<Exception>(() => Argon2idPasswordHasher.WhileMemoryShort<string>(() =>
        {
            attempts++;
            throw failure;
        }, TimeSpan.Zero));
        Assert.Same(failure, thrown);
        return attempts;
    }

    // The bound holds without timing anything: a caller past it waits until a running hash ends.
    [Fact]
    public async Task Hashes_beyond_the_bound_wait_for_a_free_slot()
    {
        var hasher = new Argon2idPasswordHasher();
        var running = 0;
        var highest = 0;
        await Task.WhenAll(Enumerable.Range(0, Argon2idPasswordHasher.ConcurrentHashes + 3).Select(_ => Task.Run(() =>
            hasher.RunInSlotAsync(() =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref highest, now);
                Thread.Sleep(20);
                Interlocked.Decrement(ref running);
                return 0;
            }, default))));
        Assert.InRange(highest, 1, Argon2idPasswordHasher.ConcurrentHashes);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
