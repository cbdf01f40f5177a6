using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conclave.Benchmarks.EventStreams;

/// <summary>When each message's NewMessageEvent reached the last of its recipients.</summary>
internal sealed class Arrivals(int recipients)
{
    private readonly ConcurrentDictionary<ulong, Message> _messages = new();

    public void Record(ulong sequenceNum) => _messages.GetOrAdd(sequenceNum, _ => new Message(recipients)).Record(Stopwatch.GetTimestamp());

    /// <summary>The timestamp of the last arrival, or null if not every recipient got it in time.</summary>
    public async Task<long?> LastArrivalAsync(ulong sequenceNum, TimeSpan timeout)
    {
        var message = _messages.GetOrAdd(sequenceNum, _ => new Message(recipients));
        try
        {
            await message.Complete.Task.WaitAsync(timeout);
            return message.Last;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private sealed class Message(int expected)
    {
        private readonly Lock _gate = new();
        private int _count;

        public TaskCompletionSource Complete { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public long Last { get; private set; }

        public void Record(long timestamp)
        {
            lock (_gate)
            {
                Last = Math.Max(Last, timestamp);
                if (++_count == expected) Complete.TrySetResult();
            }
        }
    }
}
