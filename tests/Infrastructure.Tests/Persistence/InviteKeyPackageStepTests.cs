using Conclave.Application.KeyPackages;
using Conclave.Application.KeyPackages.Commands.GetKeyPackage;
using Conclave.Application.Members.Commands.InviteToGroup;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.KeyPackages;
using Conclave.Infrastructure.Tests.Sqlite;
using static Conclave.Infrastructure.Tests.Persistence.KeyPackageRows;
using static Conclave.TestSupport.KeyPackageData;

namespace Conclave.Infrastructure.Tests.Persistence;

// POST /groups/{id}/invite's key-package step through the real pipeline and SQLite (its route and group creation
// belong to the members/groups slices): all or nothing (decision 12) and the rate limit on every id (decision 4).
public sealed class InviteKeyPackageStepTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private UserId _alice, _bob, _carol, _dave;
    private GroupId _group;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        (_alice, _bob, _carol, _dave) = (await _database.NewUserAsync(), await _database.NewUserAsync(), await _database.NewUserAsync(), await _database.NewUserAsync());
        await _database.WithDbAsync(db =>
        {
            var group = Group.Create($"g{Guid.NewGuid():N}"[..20], "", _alice, 1);
            group.AdmitInvitee(_dave, 1);
            _group = group.Id;
            db.Groups.Add(group);
            db.KeyPackages.AddRange(
                new KeyPackage(_bob, Valid(1), false, 100), new KeyPackage(_bob, Valid(2), false, 100),
                new KeyPackage(_carol, Valid(3), false, 100), new KeyPackage(_carol, Valid(9), true, 100));
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Hands_out_and_deletes_one_package_per_id_in_request_order()
    {
        var handedOut = await InviteAsync(_bob, _alice, _carol, _bob, _carol);

        Assert.Equal([_bob, _carol, _bob, _carol], handedOut.Select(p => p.UserId));
        Assert.Equal([1, 3, 2, 9], handedOut.Select(p => (int)p.KeyPackageData[4]));
        Assert.Empty(await _database.MarkersAsync(_bob));
        Assert.Equal([9], await _database.MarkersAsync(_carol));
    }

    [Fact]
    public async Task A_failure_on_the_third_id_restores_the_packages_taken_for_the_first_two()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => InviteAsync(_bob, _carol, _dave));

        Assert.Equal(DomainError.Conflict, refusal.Error);
        Assert.Equal([1, 2], await _database.MarkersAsync(_bob));
        Assert.Equal([3, 9], await _database.MarkersAsync(_carol));
    }

    [Fact]
    public async Task A_user_without_packages_later_in_the_list_restores_the_earlier_ones()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => InviteAsync(_bob, _bob, _bob));

        Assert.Equal("no key package available for this user", refusal.Message);
        Assert.Equal([1, 2], await _database.MarkersAsync(_bob));
    }

    [Fact]
    public async Task The_rate_limit_spans_both_doors_and_a_refusal_consumes_nothing()
    {
        for (var i = 0; i < 10; i++) await _database.SendAsync(new GetKeyPackageCommand(_carol)); // 3, then 9 kept

        var refusal = await Assert.ThrowsAsync<DomainException>(() => InviteAsync(_bob, _carol));

        Assert.Equal(DomainError.RateLimited, refusal.Error);
        Assert.Equal(KeyPackageRateLimiter.RefusalMessage, refusal.Message);
        Assert.Equal([1, 2], await _database.MarkersAsync(_bob));
        Assert.Equal([9], await _database.MarkersAsync(_carol));
    }

    private Task<IReadOnlyList<MemberKeyPackageDto>> InviteAsync(params UserId[] users) =>
        _database.SendAsync(new InviteToGroupCommand(_group, _alice, [.. users.Select(u => UuidBytes.Write(u.Value))]));
}
