using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Conclave.Infrastructure.Security;

/// <summary>
/// The threads that run Argon2id: a fixed number (the bound on concurrent hashes), each at a lower scheduling priority
/// (nice 10) where the OS allows it. Queued work waits without holding a thread. While requests want the CPU, the
/// scheduler gives a nice-10 thread about a tenth of the weight of a normal one, so a flood of logins or
/// registrations slows down itself and not message traffic. When nothing else runs, hashing still gets the whole CPU.
/// </summary>
internal sealed class HashingThreads
{
    private const int PrioProcess = 0;
    private const int Nice = 10;
    private readonly BlockingCollection<Action> _queue = [];

    public HashingThreads(int count)
    {
        for (var i = 0; i < count; i++)
            new Thread(Work) { IsBackground = true, Name = $"argon2id-{i}" }.Start();
    }

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancellation = cancellationToken.Register(() => result.TrySetCanceled(cancellationToken));
        _queue.Add(() =>
        {
            using (cancellation)
            {
                if (result.Task.IsCompleted) return; // the caller gave up while queued
                try
                {
                    result.TrySetResult(work());
                }
                catch (Exception exception)
                {
                    result.TrySetException(exception);
                }
            }
        });
        return result.Task;
    }

    private void Work()
    {
        LowerPriority();
        foreach (var work in _queue.GetConsumingEnumerable()) work();
    }

    // Thread.Priority does nothing on Linux; setpriority on the thread id does, and needs no privilege to lower it.
    private static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = SetPriority(PrioProcess, GetThreadId(), Nice);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // a libc without gettid: hashing runs at normal priority, still bounded in number
        }
    }

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
