namespace Conclave.Application.Common.Events;

/// <summary>
/// Makes events go out in commit order. Commits are serialised by the database write lock, but publication happens
/// after the commit, outside it, where a later commit could overtake an earlier one. A turn taken while the write
/// lock is held (just before committing) fixes the position; publication then waits for the turns before it.
/// </summary>
public sealed class PublicationOrder
{
    private readonly Lock _gate = new();
    private readonly HashSet<long> _finishedEarly = [];
    private readonly Dictionary<long, TaskCompletionSource> _waiting = [];
    private long _issued;
    private long _current = 1;

    public PublicationTurn Take()
    {
        lock (_gate) return new PublicationTurn(this, ++_issued);
    }

    internal Task WaitForAsync(long ticket)
    {
        lock (_gate)
        {
            if (ticket == _current) return Task.CompletedTask;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add(ticket, waiter);
            return waiter.Task;
        }
    }

    internal void Finish(long ticket)
    {
        TaskCompletionSource? next;
        lock (_gate)
        {
            if (ticket != _current)
            {
                _finishedEarly.Add(ticket); // it had nothing to publish, or failed before publishing
                return;
            }
            _current++;
            while (_finishedEarly.Remove(_current)) _current++;
            _waiting.Remove(_current, out next);
        }
        next?.SetResult();
    }
}
