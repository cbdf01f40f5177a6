using Conclave.Application.Common.Settings;

namespace Conclave.Application.UnitTests.Common.Settings;

// CLARIFICATIONS §9.4 and C48: every accepted and rejected example, with the value it stands for.
public sealed class DurationFormatTests
{
    [Theory]
    [InlineData("15s", 15)]
    [InlineData("2h", 7_200)]
    [InlineData("7d", 604_800)]
    [InlineData("4w", 2_419_200)]
    [InlineData("1m", 2_592_000)]        // a "month" is 30 days; there is no minutes unit
    [InlineData("1y", 31_536_000)]       // 365 days
    [InlineData(" 7d ", 604_800)]        // surrounding whitespace is trimmed
    [InlineData("+5d", 432_000)]         // a leading '+' is accepted
    [InlineData("007d", 604_800)]        // leading zeros are fine
    [InlineData("-1", -1)]               // disabled
    [InlineData("0", 0)]                 // delete after fetch
    [InlineData(" -1 ", -1)]
    public void Accepts(string text, long expected)
    {
        Assert.True(DurationFormat.TryParse(text, out var seconds, out var error), error);
        Assert.Equal(expected, seconds);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("30")]                   // no unit
    [InlineData("5x")]                   // unknown unit
    [InlineData("d")]                    // no number
    [InlineData("abc")]
    [InlineData("-5d")]                  // not positive
    [InlineData("-1d")]
    [InlineData("0d")]
    [InlineData("0s")]
    [InlineData("-0")]                   // only exactly "0" and "-1" are special
    [InlineData("1.5h")]                 // integers only
    [InlineData("1H")]                   // units are lower case
    [InlineData("5 d")]                  // no inner space
    [InlineData("999999999999y")]        // overflows 64 bits in seconds
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects(string text)
    {
        Assert.False(DurationFormat.TryParse(text, out _, out var error));
        Assert.NotEqual("", error);
    }

    [Fact]
    public void The_largest_value_that_fits_in_64_bits_is_accepted()
    {
        var count = long.MaxValue / 31_536_000;

        Assert.True(DurationFormat.TryParse($"{count}y", out var seconds, out _));
        Assert.Equal(count * 31_536_000, seconds);
        Assert.False(DurationFormat.TryParse($"{count + 1}y", out _, out _));
    }
}
