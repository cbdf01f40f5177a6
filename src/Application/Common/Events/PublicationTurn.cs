namespace Conclave.Application.Common.Events;

/// <summary>One commit's place in <see cref="PublicationOrder"/>; dispose it once its events are out (or there are none).</summary>
public sealed class PublicationTurn(PublicationOrder order, long ticket) : IDisposable
{
    private bool _finished;

    /// <summary>Completes when every earlier turn has finished.</summary>
    public Task WaitAsync() => order.WaitForAsync(ticket);

    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        order.Finish(ticket);
    }
}
