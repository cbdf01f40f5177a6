using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Common.Observability;
using Conclave.Application.Messages;
using Conclave.Application.Messages.Commands.SendMessage;
using Conclave.Application.Messages.Commands.UploadCommit;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Persistence.Configurations;
using Conclave.Infrastructure.Persistence.Writes;
using Conclave.Infrastructure.Sqlite.Durability;
using Conclave.Infrastructure.Sqlite.Lookups;
using Conclave.Infrastructure.Sqlite.Messages;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conclave.Infrastructure.Tests.Sqlite.Messages;

// How the group-commit writer fails, on a real file: a batch whose write fails is rolled back whole and fails every
// send in it, and the writer goes on from what is stored; a refusal stays with its send; a failed fsync fails the sends
// and publishes nothing; what another connection committed between batches is read again.
public sealed class MessageAppendWriterTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly User _alice = User.Register("alice", "h", "", 0);
    private readonly User _bob = User.Register("bob", "h", "", 0);
    private readonly User _carol = User.Register("carol", "h", "", 0);
    private SqliteDatabase _database = null!;
    private Group _group = null!;
    private Group _other = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.CreateAsync();
        _group = Group.Create("group", "", _alice.Id, 0);
        _group.AdmitInvitee(_bob.Id, 0);
        _other = Group.Create("other", "", _alice.Id, 0);
        await _database.WithDbAsync(db =>
        {
            db.AddRange(_alice, _bob, _carol, _group, _other);
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_batch_whose_write_fails_is_rolled_back_whole_and_the_next_batch_starts_from_what_is_stored()
    {
        Assert.Equal(1, await SendAsync(_group, _bob, [1]));
        using var heard = _database.Services.GetRequiredService<IEventStream>().Subscribe(_bob.Id, "token");
        // Fails a batch at its COMMIT, after its messages were inserted, its counters written and its turns taken: each
        // message adds a row breaking a deferred foreign key, which SQLite checks at the commit.
        await ExecuteAsync("CREATE TABLE poison_parent (id INTEGER PRIMARY KEY)");
        await ExecuteAsync("CREATE TABLE poison (parent INTEGER REFERENCES poison_parent (id) DEFERRABLE INITIALLY DEFERRED)");
        await ExecuteAsync("CREATE TRIGGER refuse_batch AFTER INSERT ON messages BEGIN INSERT INTO poison VALUES (1); END");

        var errors = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            try { await SendAsync(i % 2 == 0 ? _group : _other, _alice, [(byte)i]); return null; }
            catch (Exception error) { return error; }
        })).WaitAsync(Patience);

        Assert.All(errors, error => Assert.IsType<SqliteException>(error));
        Assert.Equal([1L], await StoredAsync(_group));
        Assert.Empty(await StoredAsync(_other));
        Assert.Equal((1L, 0L), (await CounterAsync(_group), await CounterAsync(_other)));

        await ExecuteAsync("DROP TRIGGER refuse_batch");
        // No number was kept from the failed batches, and their publication turns were given up: these are heard.
        Assert.Equal(2, await SendAsync(_group, _alice, [2]).WaitAsync(Patience));
        Assert.Equal(1, await SendAsync(_other, _alice, [3]).WaitAsync(Patience));
        await _database.SendAsync(new UploadCommitCommand(_group.Id, _alice.Id, [4], [], "")).WaitAsync(Patience);
        Assert.Equal([1L, 2L, 3L], await StoredAsync(_group));
        Assert.Equal(3, await CounterAsync(_group));
        Assert.Equal([(_group.Id, 2L)], HeardIn(heard)); // bob, of alice's messages: only the one stored
    }

    [Fact]
    public async Task A_refused_send_fails_alone_and_the_others_of_its_batch_are_stored()
    {
        await using var writer = OwnWriter(out var gate, out _, flush: new WalFlush(_database.FilePath + "-wal"));
        // Held while the sends queue, so that the writer takes them as one batch (at most the first one before).
        await gate.EnterAsync(default);
        var first = writer.AppendAsync(Send(_group, _bob, [0]));
        await Task.Delay(100);
        var sends = new[] { Send(_group, _bob, [1]), Send(_group, _carol, [2]), Send(GroupId.New(), _bob, [3]), Send(_group, _alice, [4]) }
            .Select(writer.AppendAsync).ToList();
        gate.Leave(WriteKind.Content);

        await first.WaitAsync(Patience);
        var bob = await sends[0].WaitAsync(Patience);
        Assert.Equal(DomainError.NotMember, (await Assert.ThrowsAsync<DomainException>(() => sends[1])).Error);
        Assert.Equal(DomainError.NotMember, (await Assert.ThrowsAsync<DomainException>(() => sends[2])).Error); // no such group
        var alice = await sends[3].WaitAsync(Patience);

        Assert.Equal((2L, 3L), (bob.Sequence, alice.Sequence));
        Assert.Equal([1L, 2L, 3L], await StoredAsync(_group));
        Assert.Equal(3, await CounterAsync(_group));
        foreach (var appended in new[] { await first, bob, alice }) appended.Commit.Turn.Dispose();
    }

    [Fact]
    public async Task A_failed_fsync_fails_the_sends_and_gives_their_turns_up_unpublished()
    {
        // The -wal file's path is a folder: opening it to sync fails, as a failing disk would.
        var folder = Path.GetDirectoryName(_database.FilePath)!;
        await using var writer = OwnWriter(out _, out var order, flush: new WalFlush(folder));

        var sends = Enumerable.Range(0, 5).Select(i => writer.AppendAsync(Send(_group, _bob, [(byte)i]))).ToList();

        foreach (var send in sends) await Assert.ThrowsAnyAsync<Exception>(() => send.WaitAsync(Patience));
        using var next = order.Take();
        await next.WaitAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task A_group_changed_by_another_connection_between_batches_is_read_again()
    {
        await using var writer = OwnWriter(out _, out _, flush: new WalFlush(_database.FilePath + "-wal"));
        (await writer.AppendAsync(Send(_group, _bob, [1]))).Commit.Turn.Dispose();

        // Between two batches, on a connection of its own: carol joins, bob leaves, the counter moves on.
        await _database.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Id == _group.Id);
            group.AdmitInvitee(_carol.Id, 0);
            group.Leave(_bob.Id);
            await db.SaveChangesAsync();
        });
        await ExecuteAsync("UPDATE groups SET last_sequence = 10 WHERE last_sequence = 1");

        Assert.Equal(DomainError.NotMember, (await Assert.ThrowsAsync<DomainException>(() => writer.AppendAsync(Send(_group, _bob, [2])))).Error);
        var carol = await writer.AppendAsync(Send(_group, _carol, [3]));
        carol.Commit.Turn.Dispose();
        Assert.Equal(11, carol.Sequence);
    }

    private static MessageSend Send(Group group, User sender, byte[] data) => Send(group.Id, sender, data);

    private static MessageSend Send(GroupId group, User sender, byte[] data) => new(group, sender.Id, data, 0, -1);

    private Task<long> SendAsync(Group group, User sender, byte[] data) =>
        _database.SendAsync(new SendMessageCommand(group.Id, sender.Id, data));

    // A writer of the test's own beside the server's, on the same file, with the gate and fsync given here.
    private MessageAppendWriter OwnWriter(out WriteGate gate, out PublicationOrder order, WalFlush flush)
    {
        gate = new WriteGate(flush, _database.Services.GetRequiredService<AccessEpoch>());
        order = new PublicationOrder();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _database.FilePath, ForeignKeys = true, DefaultTimeout = 30 }.ToString();
        return new MessageAppendWriter(connectionString, gate, order, new ConclaveMetrics(), NullLogger<MessageAppendWriter>.Instance);
    }

    private static List<(GroupId, long)> HeardIn(IEventSubscription subscription)
    {
        var heard = new List<(GroupId, long)>();
        while (subscription.TryRead(out var delivery))
            if (delivery.Event is NewMessageEvent message) heard.Add((message.GroupId, message.SequenceNum));
        return heard;
    }

    private Task ExecuteAsync(string sql) => _database.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private Task<List<long>> StoredAsync(Group group) => _database.WithDbAsync(db =>
        db.Set<StoredMessage>().AsNoTracking().Where(m => m.GroupId == group.Id).Select(m => m.SequenceNum).OrderBy(n => n).ToListAsync());

    private Task<long> CounterAsync(Group group) => _database.WithDbAsync(db =>
        db.Groups.AsNoTracking().Where(g => g.Id == group.Id).Select(g => EF.Property<long>(g, GroupConfiguration.LastSequence)).SingleAsync());
}
