using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Conclave.Domain.Users;
using Conclave.Infrastructure;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Messages;

// The watermark upsert on a real SQLite file: it keeps the larger value and ignores users who are not members.
public sealed class FetchWatermarkRepositoryTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conclave-watermarks").FullName;
    private readonly string _path;
    private ServiceProvider _services = null!;
    private readonly User _alice = User.Register("alice", "hash", "", 0);
    private readonly User _carol = User.Register("carol", "hash", "", 0);
    private Group _group = null!;

    public FetchWatermarkRepositoryTests() => _path = Path.Combine(_folder, "conclave.db");

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddInfrastructure(_path).BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(_path, default);
        var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
        _group = Group.Create("group", "", _alice.Id, 0);
        db.AddRange(_alice, _carol, _group);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Keeps_the_highest_value_it_was_given()
    {
        await AdvanceAsync(_alice.Id, 5);
        await AdvanceAsync(_alice.Id, 3);
        Assert.Equal(5, await WatermarkAsync(_alice.Id));
        await AdvanceAsync(_alice.Id, 8);
        Assert.Equal(8, await WatermarkAsync(_alice.Id));
    }

    [Fact]
    public async Task Records_nothing_for_a_user_who_is_not_a_member()
    {
        await AdvanceAsync(_carol.Id, 5);
        Assert.Null(await WatermarkAsync(_carol.Id));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task AdvanceAsync(UserId user, long sequence)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IFetchWatermarkRepository>().AdvanceAsync(_group.Id, user, sequence, default);
    }

    private async Task<long?> WatermarkAsync(UserId user)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConclaveDbContext>().FetchWatermarks
            .Where(w => w.GroupId == _group.Id && w.UserId == user)
            .Select(w => (long?)w.SequenceNum)
            .FirstOrDefaultAsync();
    }
}
