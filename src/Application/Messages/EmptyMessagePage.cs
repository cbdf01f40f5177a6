namespace Conclave.Application.Messages;

/// <summary>The page of a fetch that reads nothing (limit 0).</summary>
public sealed class EmptyMessagePage : IMessagePage
{
    public static readonly EmptyMessagePage Instance = new();

    private EmptyMessagePage() { }

    public IReadOnlyList<MessageHeader> Messages => [];

    public Task ReadContentsAsync(Func<MessageHeader, ReadOnlyMemory<byte>, ValueTask> visit, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
