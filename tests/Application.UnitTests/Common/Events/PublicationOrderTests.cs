using Conclave.Application.Common.Events;

namespace Conclave.Application.UnitTests.Common.Events;

public sealed class PublicationOrderTests
{
    private readonly PublicationOrder _order = new();

    [Fact]
    public async Task A_later_turn_waits_until_the_earlier_one_is_finished()
    {
        using var first = _order.Take();
        using var second = _order.Take();

        var waiting = second.WaitAsync();
        await first.WaitAsync();
        Assert.False(waiting.IsCompleted);

        first.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_turn_finished_early_does_not_hold_back_the_ones_after_it()
    {
        var first = _order.Take();
        var second = _order.Take();
        using var third = _order.Take();

        second.Dispose(); // nothing to publish: it finishes before its turn came
        var waiting = third.WaitAsync();
        Assert.False(waiting.IsCompleted);

        first.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Finishing_twice_does_not_skip_a_turn()
    {
        var first = _order.Take();
        using var second = _order.Take();
        using var third = _order.Take();

        first.Dispose();
        first.Dispose();
        await second.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(third.WaitAsync().IsCompleted);
    }
}
