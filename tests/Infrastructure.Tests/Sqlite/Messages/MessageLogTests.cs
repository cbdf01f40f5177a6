using System.Collections.Concurrent;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups.Queries.GetRetentionPolicy;
using Conclave.Application.Groups.Queries.ListGroups;
using Conclave.Application.Messages;
using Conclave.Application.Messages.Commands.SendMessage;
using Conclave.Application.Messages.Commands.UploadCommit;
using Conclave.Application.Messages.Queries.GetMessages;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Configurations;
using Conclave.Infrastructure.Sqlite.Connections;
using Conclave.Infrastructure.Tests.Sqlite.Connections;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Messages;

// Sends go through the group-commit writer (Sqlite/Messages) on a real file, through the real pipeline: each number
// once, shared with the commits stored through EF, refusals confined to their sends, events in commit order. How a
// batch fails: MessageAppendWriterTests.
public sealed class MessageLogTests : IAsyncLifetime
{
    private readonly User _alice = User.Register("alice", "h", "", 0);
    private readonly User _bob = User.Register("bob", "h", "", 0);
    private readonly User _carol = User.Register("carol", "h", "", 0);
    private SqliteDatabase _database = null!;
    private Group _group = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.CreateAsync();
        _group = Group.Create("group", "", _alice.Id, 0);
        _group.AdmitInvitee(_bob.Id, 0);
        await _database.WithDbAsync(db =>
        {
            db.AddRange(_alice, _bob, _carol, _group);
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Concurrent_sends_take_each_number_once_and_store_their_own_bytes()
    {
        var sequences = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            _database.SendAsync(new SendMessageCommand(_group.Id, i % 2 == 0 ? _alice.Id : _bob.Id, BitConverter.GetBytes(i)))));

        Assert.Equal(Enumerable.Range(1, 200).Select(n => (long)n), sequences.Order());
        var stored = await StoredAsync();
        Assert.Equal(200, stored.Count);
        for (var i = 0; i < 200; i++)
        {
            var message = stored[sequences[i]];
            Assert.Equal(BitConverter.GetBytes(i), message.Data);
            Assert.Equal(i % 2 == 0 ? _alice.Id : _bob.Id, message.SenderId);
        }
        Assert.Equal(200, await LastSequenceAsync());
    }

    [Fact]
    public async Task Sends_and_commits_share_the_groups_counter()
    {
        var sends = Enumerable.Range(0, 60).Select(_ => _database.SendAsync(new SendMessageCommand(_group.Id, _bob.Id, [1])));
        var commits = Enumerable.Range(0, 20).Select(_ => _database.SendAsync(new UploadCommitCommand(_group.Id, _alice.Id, [2], [], "")));

        var sequences = await Task.WhenAll(sends.Concat(commits.Select(async commit => { await commit; return 0L; })));

        Assert.Equal(60, sequences.Count(s => s > 0));
        Assert.Equal(Enumerable.Range(1, 80).Select(n => (long)n), (await StoredAsync()).Keys.Order());
        Assert.Equal(80, await LastSequenceAsync());
    }

    [Fact]
    public async Task A_refused_send_stores_nothing_and_leaves_the_others_of_its_batch_stored()
    {
        var appends = Enumerable.Range(0, 30).Select(i => AppendAsync(_group.Id, i % 3 == 0 ? _carol.Id : _bob.Id, [(byte)i])).ToList();
        appends.Add(AppendAsync(GroupId.New(), _bob.Id, [9])); // no such group

        var outcomes = await Task.WhenAll(appends.Select(async append =>
        {
            try { return (Sequence: await append, Refusal: (DomainError?)null); }
            catch (DomainException refusal) { return (0L, refusal.Error); }
        }));

        Assert.Equal(11, outcomes.Count(o => o.Refusal == DomainError.NotMember));
        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), outcomes.Where(o => o.Refusal is null).Select(o => o.Sequence).Order());
        Assert.All((await StoredAsync()).Values, message => Assert.Equal(_bob.Id, message.SenderId));
        Assert.Equal(20, await LastSequenceAsync());
    }

    [Fact]
    public async Task A_send_in_a_delete_after_fetch_group_marks_it_seen_by_its_sender()
    {
        await _database.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync();
            group.UpdateSettings(_alice.Id, "", "", 0, 0, serverRetention: -1);
            await db.SaveChangesAsync();
        });

        var sequence = await _database.SendAsync(new SendMessageCommand(_group.Id, _bob.Id, [1]));

        var watermark = await _database.WithDbAsync(db => db.Set<FetchWatermark>().AsNoTracking().SingleAsync());
        Assert.Equal((_bob.Id, sequence), (watermark.UserId, watermark.SequenceNum));
    }

    [Fact]
    public async Task Members_hear_of_the_messages_in_the_order_they_were_numbered()
    {
        var stream = ServiceOf<IEventStream>();
        using var subscription = stream.Subscribe(_alice.Id, "token");

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _database.SendAsync(new SendMessageCommand(_group.Id, _bob.Id, [1]))));

        var heard = new List<long>();
        while (subscription.TryRead(out var delivery)) heard.Add(Assert.IsType<NewMessageEvent>(delivery.Event).SequenceNum);
        Assert.Equal(Enumerable.Range(1, 100).Select(n => (long)n), heard);
    }

    [Fact]
    public async Task What_other_connections_commit_between_sends_counts_for_the_next_send()
    {
        Assert.Equal(1, await _database.SendAsync(new SendMessageCommand(_group.Id, _bob.Id, [1])));

        // Through EF (its own connection), as a handler writes: bob leaves.
        await _database.WithDbAsync(async db =>
        {
            (await db.Groups.Include(g => g.Members).SingleAsync()).Leave(_bob.Id);
            await db.SaveChangesAsync();
        });
        var refusal = await Assert.ThrowsAsync<DomainException>(() => _database.SendAsync(new SendMessageCommand(_group.Id, _bob.Id, [2])));
        Assert.Equal(DomainError.NotMember, refusal.Error);

        // Through plain SQL on a connection of its own, as an admin command in another process would.
        await _database.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE groups SET last_sequence = 41"));
        Assert.Equal(42, await _database.SendAsync(new SendMessageCommand(_group.Id, _alice.Id, [3])));
        Assert.Equal(43, await _database.SendAsync(new SendMessageCommand(_group.Id, _alice.Id, [4])));
    }

    [Fact]
    public async Task A_send_leases_no_EF_context()
    {
        await using var scope = _database.Scope();

        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendMessageCommand(_group.Id, _bob.Id, [1]));

        Assert.Null(scope.ServiceProvider.GetRequiredService<ScopedContext>().Leased);
    }

    private async Task<long> AppendAsync(GroupId group, UserId sender, byte[] data)
    {
        var appended = await ServiceOf<IMessageLog>().AppendAsync(new MessageSend(group, sender, data, 0, -1));
        appended.Commit.Turn.Dispose();
        return appended.Sequence;
    }

    private T ServiceOf<T>() where T : notnull
    {
        using var scope = _database.Scope();
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    // Sends, commits and reads on more threads than cores, so that requests are preempted at any point, their
    // scopes' ends included. A broad net: the pooled context given back twice failed it only now and then
    // (ScopedContextTests catches that one every time).
    [Fact]
    public async Task Mixed_requests_preempted_anywhere_all_succeed_and_each_number_is_taken_once()
    {
        var failures = new ConcurrentQueue<Exception>();
        var sent = new ConcurrentQueue<long>();
        var commits = 0;

        async Task RequestsAsync(int worker)
        {
            for (var i = 0; i < 400; i++)
            {
                try
                {
                    switch ((worker + i) % 6)
                    {
                        case 0 or 1:
                            sent.Enqueue(await _database.SendAsync(new SendMessageCommand(_group.Id, i % 2 == 0 ? _alice.Id : _bob.Id, [1, 2, 3])));
                            break;
                        case 2:
                            await _database.SendAsync(new GetMessagesQuery(_group.Id, _bob.Id, 0, 10));
                            break;
                        case 3:
                            await _database.SendAsync(new GetRetentionPolicyQuery(_group.Id, _bob.Id));
                            break;
                        case 4:
                            await _database.SendAsync(new ListGroupsQuery(_alice.Id));
                            break;
                        default:
                            await _database.SendAsync(new UploadCommitCommand(_group.Id, _alice.Id, [2], [], ""));
                            Interlocked.Increment(ref commits);
                            break;
                    }
                }
                catch (Exception failure)
                {
                    failures.Enqueue(failure);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 6 * Environment.ProcessorCount)
            .Select(worker => Task.Factory.StartNew(() => RequestsAsync(worker), TaskCreationOptions.LongRunning).Unwrap()));

        Assert.Empty(failures);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Equal(sent.Count + commits, await LastSequenceAsync());
    }

    private Task<Dictionary<long, StoredMessage>> StoredAsync() =>
        _database.WithDbAsync(db => db.Set<StoredMessage>().AsNoTracking().ToDictionaryAsync(m => m.SequenceNum));

    private Task<long> LastSequenceAsync() =>
        _database.WithDbAsync(db => db.Groups.AsNoTracking().Select(g => EF.Property<long>(g, GroupConfiguration.LastSequence)).SingleAsync());
}
