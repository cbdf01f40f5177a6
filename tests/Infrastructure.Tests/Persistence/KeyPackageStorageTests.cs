using Conclave.Application.KeyPackages.Commands.GetKeyPackage;
using Conclave.Application.KeyPackages.Commands.UploadKeyPackages;
using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using Conclave.Infrastructure.Tests.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Conclave.Infrastructure.Tests.Persistence.KeyPackageRows;
using static Conclave.TestSupport.KeyPackageData;

namespace Conclave.Infrastructure.Tests.Persistence;

// CLARIFICATIONS §5.2-§5.3 on a real SQLite file: FIFO by creation time then insertion order, the last-resort
// package kept, the cap evicting the oldest (decision 3), and select-then-delete atomic under concurrency.
public sealed class KeyPackageStorageTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Consumption_is_oldest_first_by_creation_then_insertion_and_keeps_the_last_resort_package()
    {
        var bob = await _database.NewUserAsync();
        foreach (var (marker, createdAt, lastResort) in new[] { (1, 200L, false), (9, 50L, true), (2, 100L, false), (3, 100L, false) })
            await _database.WithDbAsync(db =>
            {
                db.KeyPackages.Add(new KeyPackage(bob, Valid((byte)marker), lastResort, createdAt));
                return db.SaveChangesAsync();
            });

        var handedOut = new List<int>();
        for (var i = 0; i < 5; i++) handedOut.Add((await _database.SendAsync(new GetKeyPackageCommand(bob)))[4]);

        Assert.Equal([2, 3, 1, 9, 9], handedOut);
        Assert.Equal([9], await _database.MarkersAsync(bob));
    }

    [Fact]
    public async Task An_unknown_user_has_no_package()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => _database.SendAsync(new GetKeyPackageCommand(UserId.New())));

        Assert.Equal("no key package available for this user", refusal.Message);
    }

    [Fact]
    public async Task One_upload_keeps_its_order_and_beyond_the_cap_the_oldest_are_evicted()
    {
        var bob = await _database.NewUserAsync();
        await UploadAsync(bob, Fingerprint, [.. Enumerable.Range(1, 4).Select(n => Entry(n))]);
        await UploadAsync(bob, "", [.. Enumerable.Range(5, 8).Select(n => Entry(n)), Entry(90, lastResort: true), Entry(91, lastResort: true)]);

        Assert.Equal([.. Enumerable.Range(3, 10), 91], await _database.MarkersAsync(bob));
        Assert.Equal(3, (await _database.SendAsync(new GetKeyPackageCommand(bob)))[4]);
        Assert.Equal(Fingerprint, await FingerprintAsync(bob));
    }

    [Fact]
    public async Task A_batch_with_one_bad_package_stores_nothing_and_keeps_the_fingerprint()
    {
        var bob = await _database.NewUserAsync();
        await UploadAsync(bob, Fingerprint, [Entry(1)]);

        await Assert.ThrowsAsync<DomainException>(() => UploadAsync(bob, OtherFingerprint, [Entry(2), Entry(3), new([0x00, 0x01, 0x00, 0x06], false)]));

        Assert.Equal([1], await _database.MarkersAsync(bob));
        Assert.Equal(Fingerprint, await FingerprintAsync(bob));
    }

    [Fact]
    public async Task Concurrent_consumers_beyond_the_supply_never_share_a_package()
    {
        var bob = await _database.NewUserAsync();
        await UploadAsync(bob, "", [.. Enumerable.Range(1, 6).Select(n => Entry(n))]);

        var attempts = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try { return (int?)(await _database.SendAsync(new GetKeyPackageCommand(bob)))[4]; }
            catch (DomainException refusal) when (refusal.Error == DomainError.NotFound) { return null; }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Equal([1, 2, 3, 4, 5, 6], results.OfType<int>().Order());
        Assert.Equal(4, results.Count(r => r is null));
        Assert.Empty(await _database.MarkersAsync(bob));
    }

    private static readonly string Fingerprint = new('a', 64), OtherFingerprint = new('b', 64);

    private Task UploadAsync(UserId user, string fingerprint, KeyPackageEntry[] entries) =>
        _database.SendAsync(new UploadKeyPackagesCommand(user, entries, [], fingerprint));

    private Task<string> FingerprintAsync(UserId user) =>
        _database.WithDbAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.SigningKeyFingerprint).SingleAsync());

    private static KeyPackageEntry Entry(int marker, bool lastResort = false) => new(Valid((byte)marker), lastResort);
}
