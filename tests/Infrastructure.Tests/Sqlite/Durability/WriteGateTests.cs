using Conclave.Application.Common.Persistence;
using Conclave.Infrastructure.Persistence.Writes;
using Conclave.Infrastructure.Sqlite.Durability;
using Conclave.Infrastructure.Sqlite.Lookups;

namespace Conclave.Infrastructure.Tests.Sqlite.Durability;

public sealed class WriteGateTests : IDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conclave-infra-tests", Guid.NewGuid().ToString("N"));
    private readonly AccessEpoch _epoch;
    private readonly WriteGate _gate;

    public WriteGateTests()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "conclave.db");
        _epoch = new AccessEpoch(database);
        _gate = new WriteGate(new WalFlush(database + "-wal"), _epoch);
    }

    public void Dispose()
    {
        _epoch.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_writer_cancelled_while_waiting_does_not_keep_the_gate()
    {
        await _gate.EnterAsync(default);
        using var cancel = new CancellationTokenSource();
        var cancelled = _gate.EnterAsync(cancel.Token);
        var next = _gate.EnterAsync(default);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        _gate.Leave(WriteKind.None);
        await next.WaitAsync(Soon);
        _gate.Leave(WriteKind.None);
        await _gate.EnterAsync(default).WaitAsync(Soon);
    }

    [Fact]
    public async Task A_write_that_throws_lets_the_gate_go_and_reports_its_failure_not_durability()
    {
        var failing = _gate.WriteAsync<int>(WriteKind.Content, () => throw new InvalidOperationException("disk"), default);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("disk", failure.Message);
        await _gate.EnterAsync(default).WaitAsync(Soon);
        _gate.Leave(WriteKind.None);
        // Counted as left: a reader does not wait for it.
        await _gate.VisibleWritesDurableAsync().WaitAsync(Soon);
    }

    [Fact]
    public async Task Writers_enter_in_the_order_they_arrived()
    {
        await _gate.EnterAsync(default);
        var entered = new List<int>();
        var writers = Enumerable.Range(1, 5).Select(i => EnterAndLeaveAsync(i)).ToList();
        _gate.Leave(WriteKind.None);
        await Task.WhenAll(writers).WaitAsync(Soon);
        Assert.Equal([1, 2, 3, 4, 5], entered);

        async Task EnterAndLeaveAsync(int writer)
        {
            await _gate.EnterAsync(default);
            entered.Add(writer);
            _gate.Leave(WriteKind.None);
        }
    }

    [Theory]
    [InlineData(nameof(WriteKind.None), false)]
    [InlineData(nameof(WriteKind.Content), false)]
    [InlineData(nameof(WriteKind.Access), true)]
    public async Task Only_an_access_write_ends_the_kept_access_look_ups(string kind, bool ends)
    {
        var before = _epoch.Current;
        await _gate.WriteAsync(Enum.Parse<WriteKind>(kind), () => Task.FromResult(0), default);
        Assert.Equal(ends, _epoch.Current != before);
    }

    [Fact]
    public async Task An_access_write_that_throws_still_ends_the_kept_access_look_ups()
    {
        var before = _epoch.Current;
        await Assert.ThrowsAsync<InvalidOperationException>(() => _gate.WriteAsync<int>(WriteKind.Access, () => throw new InvalidOperationException(), default));
        Assert.NotEqual(before, _epoch.Current);
    }

    [Fact]
    public async Task A_query_answers_only_once_a_writer_in_the_gate_has_left()
    {
        await _gate.EnterAsync(default);
        var behaviour = new DurableReadsBehaviour<SomeQuery, string>(_gate);

        var answering = behaviour.Handle(new SomeQuery(), default, () => Task.FromResult("rows"));
        await Task.Delay(50);
        Assert.False(answering.IsCompleted);
        _gate.Leave(WriteKind.Content);
        Assert.Equal("rows", await answering.WaitAsync(Soon));
    }

    public sealed record SomeQuery : IQuery<string>;
}
