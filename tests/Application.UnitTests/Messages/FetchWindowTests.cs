using Conclave.Application.Messages.Queries.GetMessages;

namespace Conclave.Application.UnitTests.Messages;

// CLARIFICATIONS §7.3 and decision 6.
public sealed class FetchWindowTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData(-1L, 0)]
    [InlineData(long.MinValue, 0)]
    [InlineData(0L, 0)]
    [InlineData(17L, 17)]
    public void After_defaults_to_zero_and_never_goes_below(long? after, long expected) => Assert.Equal(expected, FetchWindow.After(after));

    [Theory]
    [InlineData(null, 100)]
    [InlineData(0L, 0)]
    [InlineData(1L, 1)]
    [InlineData(500L, 500)]
    [InlineData(501L, 500)]
    [InlineData(long.MaxValue, 500)]
    [InlineData(-1L, 500)]
    [InlineData(long.MinValue, 500)]
    public void Limit_defaults_to_100_and_is_capped_at_500_even_when_negative(long? limit, int expected) => Assert.Equal(expected, FetchWindow.Limit(limit));

    [Theory]
    [InlineData(new[] { 10, 10, 10 }, 20, 2)]
    [InlineData(new[] { 10, 10, 10 }, 30, 3)]
    [InlineData(new[] { 50, 1 }, 20, 1)]  // the first message always, or a client continuing with `after` would stall
    [InlineData(new[] { 0, 0, 5 }, 4, 2)]
    [InlineData(new int[0], 4, 0)]
    public void A_page_cut_by_size_keeps_the_messages_whose_contents_fit(int[] lengths, long max, int kept) =>
        Assert.Equal(kept, FetchWindow.Cut(lengths, max));
}
