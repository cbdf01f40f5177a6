using System.Collections.Concurrent;

namespace Conclave.Application.Common.Security;

/// <summary>
/// One slide at a time per session. When a session's slide falls due, every request then in flight on its token
/// finds it due; they share the first one's write instead of each queueing the same write (and its wait for
/// durability) behind the other writers.
/// </summary>
public sealed class SessionSlides
{
    private readonly ConcurrentDictionary<string, Task> _running = new();

    /// <summary>Runs <paramref name="slide"/>, or waits for the slide of <paramref name="tokenHash"/> already under way.</summary>
    public Task SlideAsync(string tokenHash, Func<Task> slide)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _running.GetOrAdd(tokenHash, mine.Task);
        return running == mine.Task ? RunAsync(tokenHash, slide, mine) : running;
    }

    private async Task RunAsync(string tokenHash, Func<Task> slide, TaskCompletionSource mine)
    {
        try
        {
            await slide();
            mine.SetResult();
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<string, Task>(tokenHash, mine.Task));
        }
        await mine.Task;
    }
}
