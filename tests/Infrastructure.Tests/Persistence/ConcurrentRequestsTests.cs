using System.Collections.Concurrent;
using Conclave.Application.Groups.Queries.GetRetentionPolicy;
using Conclave.Application.Groups.Queries.ListGroups;
using Conclave.Application.Messages.Commands.SendMessage;
using Conclave.Application.Messages.Commands.UploadCommit;
using Conclave.Application.Messages.Queries.GetMessages;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Tests.Persistence;

// Sends, commits and reads through the real pipeline on more threads than cores, so that requests are preempted at
// any point, their scopes' ends included. A broad net: the pooled context given back twice failed it only now and
// then (ScopedContextTests catches that one every time).
public sealed class ConcurrentRequestsTests : IAsyncLifetime
{
    private readonly User _alice = User.Register("alice", "h", "", 0);
    private readonly User _bob = User.Register("bob", "h", "", 0);
    private SqliteDatabase _database = null!;
    private Group _group = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.CreateAsync();
        _group = Group.Create("group", "", _alice.Id, 0);
        _group.AdmitInvitee(_bob.Id, 0);
        await _database.WithDbAsync(db =>
        {
            db.AddRange(_alice, _bob, _group);
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _database.DisposeAsync();

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
        var last = await _database.WithDbAsync(db => db.Groups.AsNoTracking().Select(g => g.LastSequence).SingleAsync());
        Assert.Equal(sent.Count + commits, last);
    }
}
