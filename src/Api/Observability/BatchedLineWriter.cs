using System.Text;

namespace Conclave.Api.Observability;

/// <summary>
/// Writes log lines to a stream (standard output) from a thread of its own, many lines per write: the first line
/// queued wakes the thread, which waits <c>gather</c> for more, then writes every line queued by then at once.
/// .NET's console logger writes each line by itself, one system call per line, and at info (a line per request) that
/// cost a send about a fifth more CPU. A crash loses at most the last <c>gather</c> of lines, as it loses what is
/// queued in the console logger. Lines keep their order; past <c>capacity</c> queued lines a caller waits for room.
/// </summary>
internal sealed class BatchedLineWriter : IDisposable
{
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(1.5);
    private readonly Stream _output;
    private readonly TimeSpan _gather;
    private readonly int _capacity;
    private readonly object _gate = new();
    private readonly Thread _thread;
    private StringBuilder _queued = new();
    private StringBuilder _writing = new();
    private int _queuedLines;
    private bool _completed;
    private bool _broken;

    public BatchedLineWriter(Stream output, TimeSpan gather, int capacity)
    {
        _output = output;
        _gather = gather;
        _capacity = capacity;
        _thread = new Thread(Run) { IsBackground = true, Name = "Console logger" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="line"/> (already terminated by its newline) to be written.</summary>
    public void Enqueue(StringBuilder line)
    {
        lock (_gate)
        {
            while (_queuedLines >= _capacity && !_completed && !_broken)
            {
                Monitor.PulseAll(_gate); // the writer stops gathering and makes room
                Monitor.Wait(_gate);
            }
            if (_broken) return;
            if (!_completed)
            {
                if (_queuedLines++ == 0) Monitor.PulseAll(_gate);
                _queued.Append(line);
                return;
            }
        }
        // After Dispose: written at once, as the console logger does once its queue is closed.
        TryWrite(line);
    }

    private void Run()
    {
        while (true)
        {
            StringBuilder batch;
            lock (_gate)
            {
                while (_queuedLines == 0 && !_completed) Monitor.Wait(_gate);
                if (!_completed && _queuedLines < _capacity) Monitor.Wait(_gate, _gather);
                if (_queuedLines == 0) return; // completed, and everything written
                batch = _queued;
                _queued = _writing;
                _writing = batch;
                _queuedLines = 0;
                Monitor.PulseAll(_gate); // callers waiting for room
            }
            if (!TryWrite(batch)) return;
            batch.Clear();
        }
    }

    private bool TryWrite(StringBuilder batch)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(batch.ToString());
            lock (_output)
            {
                _output.Write(bytes);
                _output.Flush();
            }
            return true;
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // Standard output is gone (a closed pipe): logging stops, as the console logger's does; the server goes on.
            lock (_gate)
            {
                _broken = true;
                _queued.Clear();
                _queuedLines = 0;
                Monitor.PulseAll(_gate);
            }
            return false;
        }
    }

    /// <summary>Writes what is queued and stops the thread, waiting for it at most 1.5 s (standard output may be blocked).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
        _thread.Join(DisposeWait);
    }
}
