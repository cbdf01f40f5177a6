using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using static Conclave.Domain.UnitTests.KeyPackages.Packages;
using static Conclave.TestSupport.KeyPackageData;

namespace Conclave.Domain.UnitTests.KeyPackages;

// CLARIFICATIONS §5.2-§5.3, checklist items 72-76, decision 3 (evict the oldest beyond the cap).
public sealed class KeyPackageStoreTests
{
    private static readonly UserId Bob = UserId.New();

    [Fact]
    public void Regular_packages_are_handed_out_oldest_first_and_removed()
    {
        var store = Empty();
        store.Add(Upload(Regular(1), Regular(2), Regular(3)), now: 100);

        Assert.Equal([1, 2, 3], Enumerable.Range(0, 3).Select(_ => MarkerOf(store.Consume())));
        AssertNoneAvailable(store);
    }

    [Fact]
    public void Without_regular_packages_the_last_resort_one_is_handed_out_and_kept()
    {
        var store = Empty();
        store.Add(Upload(LastResort(9), Regular(1)), now: 100);

        Assert.Equal(1, MarkerOf(store.Consume()));
        Assert.Equal(9, MarkerOf(store.Consume()));
        Assert.Equal(9, MarkerOf(store.Consume()));
        Assert.Equal(9, MarkerOf(store.LastResort!));
    }

    [Fact]
    public void An_empty_store_has_nothing_to_hand_out() => AssertNoneAvailable(Empty());

    [Fact]
    public void Consuming_a_stored_package_removes_it_and_the_last_resort_one_stays()
    {
        var first = Stored(1, createdAt: 100);
        var lastResort = Stored(9, createdAt: 100, isLastResort: true);
        var store = KeyPackageStore.Load(Bob, [first, lastResort]);

        Assert.Same(first, store.Consume());
        Assert.Same(lastResort, store.Consume());
        Assert.Equal([first], store.Removed);
        Assert.Empty(store.Added);
    }

    [Fact]
    public void Ties_in_creation_time_are_handed_out_in_insertion_order()
    {
        // insertion order A, B, C; B and C are older than A
        var a = Stored(1, createdAt: 200);
        var b = Stored(2, createdAt: 100);
        var c = Stored(3, createdAt: 100);
        var store = KeyPackageStore.Load(Bob, [a, b, c]);

        Assert.Equal([b, c, a], [store.Consume(), store.Consume(), store.Consume()]);
    }

    [Fact]
    public void A_new_last_resort_package_replaces_the_stored_one()
    {
        var old = Stored(8, createdAt: 100, isLastResort: true);
        var store = KeyPackageStore.Load(Bob, [old]);

        store.Add(Upload(LastResort(9)), now: 200);

        Assert.Equal(9, MarkerOf(store.LastResort!));
        Assert.Equal([old], store.Removed);
        Assert.Equal(9, MarkerOf(Assert.Single(store.Added)));
    }

    [Fact]
    public void With_several_last_resort_packages_in_one_batch_the_last_wins()
    {
        var store = Empty();
        store.Add(Upload(LastResort(7), Regular(1), LastResort(8), LastResort(9)), now: 100);

        Assert.Equal(9, MarkerOf(store.LastResort!));
        Assert.Equal([1, 9], store.Added.Select(p => (int)MarkerOf(p)).Order());
    }

    [Fact]
    public void Twelve_uploaded_to_an_empty_store_are_served_from_the_third_on()
    {
        var store = Empty();
        store.Add(Upload([.. Enumerable.Range(1, 12).Select(n => Regular((byte)n))]), now: 100);

        Assert.Equal(Enumerable.Range(3, 10).Select(n => (byte)n), store.Regular.Select(MarkerOf));
        Assert.Equal(3, MarkerOf(store.Consume()));
    }

    [Fact]
    public void Five_thousand_in_one_batch_leave_the_last_ten_and_only_those_are_stored()
    {
        var store = Empty();
        store.Add(Upload([.. Enumerable.Range(0, 5_000).Select(Numbered)]), now: 100);

        Assert.Equal(Enumerable.Range(4_990, 10), store.Regular.Select(NumberOf));
        Assert.Equal(Enumerable.Range(4_990, 10), store.Added.Select(NumberOf));
        Assert.Empty(store.Removed);
    }

    [Fact]
    public void Beyond_the_cap_the_oldest_stored_packages_are_evicted()
    {
        var stored = Enumerable.Range(1, 10).Select(n => Stored((byte)n, createdAt: 100)).ToList();
        var store = KeyPackageStore.Load(Bob, stored);

        store.Add(Upload(Regular(11), Regular(12)), now: 200);

        Assert.Equal(stored.Take(2), store.Removed);
        Assert.Equal(Enumerable.Range(3, 10).Select(n => (byte)n), store.Regular.Select(MarkerOf));
        Assert.Equal([11, 12], store.Added.Select(MarkerOf));
    }

    [Fact]
    public void Eviction_takes_the_package_that_would_be_handed_out_next()
    {
        // a clock set back: the new package is the oldest by creation time, so it is the one evicted
        var stored = Enumerable.Range(1, 10).Select(n => Stored((byte)n, createdAt: 200)).ToList();
        var store = KeyPackageStore.Load(Bob, stored);

        store.Add(Upload(Regular(11)), now: 100);

        Assert.Equal(stored, store.Regular);
        Assert.Empty(store.Added);
        Assert.Empty(store.Removed);
    }

    [Fact]
    public void The_last_resort_package_does_not_count_toward_the_cap()
    {
        var store = Empty();
        store.Add(Upload([LastResort(99), .. Enumerable.Range(1, 10).Select(n => Regular((byte)n))]), now: 100);

        Assert.Equal(10, store.Regular.Count);
        Assert.Equal(1, MarkerOf(store.Regular[0]));
        Assert.NotNull(store.LastResort);
    }

    private static KeyPackageStore Empty() => KeyPackageStore.Load(Bob, []);

    private static KeyPackage Stored(byte marker, long createdAt, bool isLastResort = false) =>
        new(Bob, Valid(marker), isLastResort, createdAt);

    private static KeyPackageEntry Numbered(int number)
    {
        var data = Valid(length: 8);
        BitConverter.TryWriteBytes(data.AsSpan(4), number);
        return new KeyPackageEntry(data, IsLastResort: false);
    }

    private static int NumberOf(KeyPackage package) => BitConverter.ToInt32(package.Data, 4);

    private static void AssertNoneAvailable(KeyPackageStore store)
    {
        var refusal = Assert.Throws<DomainException>(() => store.Consume());
        Assert.Equal(DomainError.NotFound, refusal.Error);
        Assert.Equal("no key package available for this user", refusal.Message);
    }
}
