using System.Threading.Channels;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Observability;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Messages;
using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using Conclave.Infrastructure.Persistence.Writes;
using Conclave.Infrastructure.Sqlite.Durability;
using Microsoft.Extensions.Logging;

namespace Conclave.Infrastructure.Sqlite.Messages;

/// <summary>
/// Group commit of message sends: one writer takes every send waiting at that moment and stores them in one
/// transaction under the write gate, so many sends share one BEGIN, one COMMIT and one WAL write. Each send is decided
/// by its group's <see cref="MessageLog"/> (the counter, the member check); the writer stores what it decided. The
/// fsync is shared as for every writer (<see cref="WalFlush"/>); a send completes only once its batch is durable, and
/// its publication turn is taken at the commit, so its events go out in commit order with everyone else's.
/// What a send needs of its group (<see cref="MessageLog"/>) is kept from one batch to the next, as long as no other
/// connection (EF, the cleanup, an admin command in another process) has committed in between: SQLite's
/// data_version tells, read inside the batch's own transaction.
/// </summary>
internal sealed class MessageAppendWriter : IMessageLog, IAsyncDisposable
{
    // Bounds one batch's time under the gate (and so the wait of the other writers behind it).
    private const int MaxBatch = 256;
    // Bounds the groups kept between batches (each with its member list); past it, they are loaded afresh.
    private const int MaxKeptGroups = 4096;

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly WriteGate _gate;
    private readonly PublicationOrder _order;
    private readonly ConclaveMetrics _metrics;
    private readonly ILogger<MessageAppendWriter> _logger;
    private readonly Task _loop;
    private MessageLogStatements? _statements;
    private readonly Dictionary<GroupId, MessageLog?> _logs = [];
    private long? _dataVersion; // the database as of this writer's last commit, when _logs describes it

    public MessageAppendWriter(string connectionString, WriteGate gate, PublicationOrder order, ConclaveMetrics metrics, ILogger<MessageAppendWriter> logger)
    {
        (_connectionString, _gate, _order, _metrics, _logger) = (connectionString, gate, order, metrics, logger);
        _loop = Task.Run(LoopAsync);
    }

    public Task<AppendedMessage> AppendAsync(MessageSend send)
    {
        var pending = new PendingAppend(send);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(MessageAppendWriter));
        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _statements?.Dispose();
    }

    private async Task LoopAsync()
    {
        var batch = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PendingAppend> batch)
    {
        await _gate.EnterAsync(CancellationToken.None);
        List<(PendingAppend Pending, long Sequence, IReadOnlyList<IDomainEvent> Events)> stored;
        List<PublicationTurn> turns = [];
        try
        {
            _statements ??= MessageLogStatements.Open(_connectionString);
            using var transaction = _statements.Begin();
            var dataVersion = _statements.DataVersion();
            if (dataVersion != _dataVersion || _logs.Count > MaxKeptGroups) _logs.Clear();
            stored = Store(_statements, batch);
            foreach (var _ in stored) turns.Add(_order.Take()); // under the gate: turns follow commit order
            transaction.Commit();
            _dataVersion = dataVersion; // a connection's own commits leave its data_version as it was
        }
        catch (Exception exception)
        {
            turns.ForEach(turn => turn.Dispose());
            // The kept groups hold counters that were rolled back; the connection may be what failed (I/O error,
            // disk full): the next batch starts from a fresh one.
            _logs.Clear();
            _dataVersion = null;
            _statements?.Dispose();
            _statements = null;
            _logger.LogError(exception, "A batch of {Count} message sends failed and was rolled back", batch.Count);
            foreach (var pending in batch) pending.Completion.TrySetException(exception);
            return;
        }
        finally
        {
            _gate.Leave(WriteKind.Content); // messages, counters and watermarks
        }
        _metrics.MessagesStored(stored.Count);
        // Not awaited here: the next batch is written while this one's fsync runs.
        _ = CompleteWhenDurableAsync(stored, turns);
    }

    private List<(PendingAppend, long, IReadOnlyList<IDomainEvent>)> Store(MessageLogStatements statements, List<PendingAppend> batch)
    {
        var stored = new List<(PendingAppend, long, IReadOnlyList<IDomainEvent>)>(batch.Count);
        var advanced = new HashSet<MessageLog>();
        foreach (var pending in batch)
        {
            var send = pending.Send;
            if (!_logs.TryGetValue(send.GroupId, out var log)) _logs[send.GroupId] = log = statements.Load(send.GroupId);
            try
            {
                if (log is null) throw DomainException.NotMember();
                var sent = log.Send(send.Sender, send.Data, send.ReceivedAt, send.ServerRetention);
                statements.Store(sent);
                stored.Add((pending, sent.Message.SequenceNum, [.. log.DomainEvents]));
                log.ClearDomainEvents();
                log.ClearAppended();
                advanced.Add(log);
            }
            catch (DomainException refusal)
            {
                pending.Completion.TrySetException(refusal); // decided before anything was written
            }
        }
        foreach (var log in advanced) statements.SaveCounter(log);
        return stored;
    }

    private async Task CompleteWhenDurableAsync(List<(PendingAppend Pending, long Sequence, IReadOnlyList<IDomainEvent> Events)> stored, List<PublicationTurn> turns)
    {
        try
        {
            await _gate.DurableAsync();
        }
        catch (Exception exception)
        {
            turns.ForEach(turn => turn.Dispose());
            foreach (var (pending, _, _) in stored) pending.Completion.TrySetException(exception);
            return;
        }
        for (var i = 0; i < stored.Count; i++)
            stored[i].Pending.Completion.TrySetResult(new AppendedMessage(stored[i].Sequence, new Committed(stored[i].Events, turns[i])));
    }

    private sealed record PendingAppend(MessageSend Send)
    {
        public TaskCompletionSource<AppendedMessage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
