namespace Conclave.Infrastructure.Sqlite.Connections;

/// <summary>
/// The connections a pool keeps open while no one uses them: at most <paramref name="keptIdle"/>, the most recently
/// given back first. One given back past that, or after disposal, is closed. Safe for concurrent callers.
/// </summary>
internal sealed class IdleConnections<TConnection>(int keptIdle) : IDisposable where TConnection : class, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Stack<TConnection> _idle = new();
    private bool _disposed;

    public int Count
    {
        get { lock (_lock) return _idle.Count; }
    }

    /// <summary>An idle connection, or null when there is none and the caller opens one.</summary>
    public TConnection? Take()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _idle.TryPop(out var connection) ? connection : null;
        }
    }

    public void Keep(TConnection connection)
    {
        lock (_lock)
        {
            if (!_disposed && _idle.Count < keptIdle)
            {
                _idle.Push(connection);
                return;
            }
        }
        connection.Dispose();
    }

    /// <summary>Closes every idle connection; the pool goes on.</summary>
    public void Close()
    {
        List<TConnection> closing;
        lock (_lock)
        {
            closing = [.. _idle];
            _idle.Clear();
        }
        closing.ForEach(connection => connection.Dispose());
    }

    public void Dispose()
    {
        lock (_lock) _disposed = true;
        Close();
    }
}
