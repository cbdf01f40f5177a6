using System.Globalization;

namespace Conclave.Application.Common.Settings;

// spec appendices/duration-format.md with the reference's details (CLARIFICATIONS §9.4): trimmed; "-1" and "0"
// special; <positive integer><s|h|d|w|m|y>, lower-case units, m = 30 days, y = 365 days, '+' allowed; no overflow.
public static class DurationFormat
{
    public static bool TryParse(string text, out long seconds, out string error)
    {
        seconds = 0;
        var value = text.Trim();
        if (value == "-1" || value == "0")
        {
            seconds = long.Parse(value, CultureInfo.InvariantCulture);
            error = "";
            return true;
        }
        if (value.Length == 0) return Fail("empty duration string", out error);
        var multiplier = value[^1] switch
        {
            's' => 1L,
            'h' => 3_600L,
            'd' => 86_400L,
            'w' => 604_800L,
            'm' => 2_592_000L,
            'y' => 31_536_000L,
            _ => 0L,
        };
        if (multiplier == 0) return Fail($"unknown or missing unit in '{value}' (expected s, h, d, w, m or y)", out error);
        var number = value[..^1];
        if (!long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
            return Fail($"invalid number '{number}'", out error);
        if (count <= 0) return Fail($"duration must be positive, got '{value}'", out error);
        if (count > long.MaxValue / multiplier) return Fail($"duration '{value}' is too large", out error);
        seconds = count * multiplier;
        error = "";
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
