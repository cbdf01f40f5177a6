using System.Globalization;

namespace Conclave.Api.Http;

// CLARIFICATIONS §2.3: exactly four textual forms, hex in either case. Guid.TryParse accepts more (parentheses,
// {0x…}, surrounding spaces) and rejects urn:uuid:, so it is not used.
public static class UuidText
{
    private const string UrnPrefix = "urn:uuid:";

    public static bool TryParse(string text, out Guid value)
    {
        value = Guid.Empty;
        var hyphenated = text.Length switch
        {
            32 => null,
            36 => text,
            38 when text[0] == '{' && text[^1] == '}' => text[1..^1],
            45 when text.StartsWith(UrnPrefix, StringComparison.Ordinal) => text[UrnPrefix.Length..],
            _ => "",
        };
        if (hyphenated == "") return false;
        var digits = hyphenated is null ? text : Unhyphenate(hyphenated);
        if (digits is null || !digits.All(char.IsAsciiHexDigit)) return false;
        value = Guid.ParseExact(digits, "N");
        return true;
    }

    // 8-4-4-4-12, hyphens exactly there.
    private static string? Unhyphenate(string text) =>
        text[8] == '-' && text[13] == '-' && text[18] == '-' && text[23] == '-'
            ? string.Concat(text.AsSpan(0, 8), text.AsSpan(9, 4), text.AsSpan(14, 4), string.Concat(text.AsSpan(19, 4), text.AsSpan(24, 12)))
            : null;
}
