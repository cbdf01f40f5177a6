using System.Diagnostics.Metrics;
using Conclave.Application.Common.Observability;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Tests.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Persistence;

// conclave.messages.stored counts the messages a commit writes, whichever use case added them; a rollback counts none.
public sealed class StoredMessageCountTests : IAsyncLifetime
{
    private readonly MeterListener _listener = new();
    private readonly User _alice = User.Register("alice", "h", "", 0);
    private SqliteDatabase _database = null!;
    private Group _group = null!;
    private long _stored;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.CreateAsync();
        _group = Group.Create("group", "", _alice.Id, 0);
        await using (var db = _database.NewContext())
        {
            db.Users.Add(_alice);
            db.Groups.Add(_group);
            await db.SaveChangesAsync();
        }
        await using var scope = _database.Scope();
        var meter = scope.ServiceProvider.GetRequiredService<ConclaveMetrics>().Meter; // this database's, not another test's
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "conclave.messages.stored") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _stored, value));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_commit_counts_the_messages_it_adds()
    {
        await WriteAsync(commit: true, messages: 3);
        await WriteAsync(commit: true, messages: 0);

        Assert.Equal(3, Interlocked.Read(ref _stored));
    }

    [Fact]
    public async Task A_rollback_counts_nothing()
    {
        await WriteAsync(commit: false, messages: 2);

        Assert.Equal(0, Interlocked.Read(ref _stored));
    }

    private async Task WriteAsync(bool commit, int messages)
    {
        await using var scope = _database.Scope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var logs = scope.ServiceProvider.GetRequiredService<IMessageLogRepository>();
        await unitOfWork.BeginAsync(default);
        var group = await scope.ServiceProvider.GetRequiredService<IGroupRepository>().GetAsync(_group.Id, default);
        var log = logs.Of(group!);
        for (var i = 0; i < messages; i++) log.Append(_alice.Id, [1], 0);
        logs.Save(log);
        if (commit) (await unitOfWork.CommitAsync(default)).Turn.Dispose();
        else await unitOfWork.RollbackAsync();
    }
}
