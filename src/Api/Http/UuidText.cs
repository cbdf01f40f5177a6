namespace Conclave.Api.Http;

// CLARIFICATIONS §2.3: exactly four textual forms, hex in either case. Guid.TryParse accepts more (parentheses,
// {0x…}, surrounding spaces) and rejects urn:uuid:, so the form is checked here before Guid parses the digits.
public static class UuidText
{
    private const string UrnPrefix = "urn:uuid:";

    public static bool TryParse(string text, out Guid value)
    {
        value = Guid.Empty;
        var span = text.AsSpan();
        if (span.Length == 38 && span[0] == '{' && span[^1] == '}') span = span[1..^1];
        else if (span.Length == 45 && span.StartsWith(UrnPrefix, StringComparison.Ordinal)) span = span[UrnPrefix.Length..];
        else if (span.Length == 32) return IsHex(span) && Guid.TryParseExact(span, "N", out value);
        return span.Length == 36 && IsHyphenated(span) && Guid.TryParseExact(span, "D", out value);
    }

    // 8-4-4-4-12, hyphens exactly there.
    private static bool IsHyphenated(ReadOnlySpan<char> text) =>
        text[8] == '-' && text[13] == '-' && text[18] == '-' && text[23] == '-' &&
        IsHex(text[..8]) && IsHex(text[9..13]) && IsHex(text[14..18]) && IsHex(text[19..23]) && IsHex(text[24..]);

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
