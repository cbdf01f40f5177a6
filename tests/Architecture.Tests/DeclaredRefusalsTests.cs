using System.Text.RegularExpressions;
using Conclave.ApiReference;
using Conclave.V1;

namespace Conclave.Architecture.Tests;

// Every refusal CLARIFICATIONS §3 (R1-R42) quotes for a route is one the route's proto declares (http_options.proto,
// listed in docs/api.md), or one its shape implies (authentication, path, body), with the same status, ErrorCode and
// message.
public sealed partial class DeclaredRefusalsTests
{
    [GeneratedRegex(@"^\*\*R\d+ · (GET|POST|PATCH|PUT|DELETE) (/[^*?\s]+)")]
    private static partial Regex EntryHeading();

    // 404 RESOURCE_NOT_FOUND(300) "message", or 404 "message" where the code is left out.
    [GeneratedRegex(@"`?(\d{3})(?: ([A-Z_]+)\(\d+\))? ""([^""]+)""")]
    private static partial Regex Quoted();

    // The abbreviations of §3's "How to read each entry".
    [GeneratedRegex(@"ADMIN\(""([^""]+)""\)")]
    private static partial Regex Admin();

    [GeneratedRegex(@"(?<!as )\bMEMBER\b")]
    private static partial Regex Member();

    [GeneratedRegex(@"\bUID\((\w+)\)")]
    private static partial Regex Uid();

    [GeneratedRegex(@"\bUSER\b")]
    private static partial Regex User();

    [SkippableFact]
    public void Every_refusal_quoted_in_section_3_is_declared_for_its_route()
    {
        var entries = SpecEntries();
        var missing = new List<string>();
        foreach (var (route, refusals) in entries)
        {
            var facts = ApiFacts.Of(route);
            missing.AddRange(refusals
                .Where(r => !facts.Errors.Any(e => e.Matches(r.Status, r.Code ?? e.Code, r.Message)))
                .Select(r => $"{route}: {r.Status} {r.Code?.ToString() ?? "(any code)"} \"{r.Message}\""));
        }
        Assert.Equal(42, entries.Count);
        Assert.True(missing.Count == 0, "quoted in CLARIFICATIONS §3 but not declared:\n" + string.Join("\n", missing));
    }

    private sealed record Refusal(int Status, ErrorCode? Code, string Message);

    private static Dictionary<string, List<Refusal>> SpecEntries()
    {
        var entries = new Dictionary<string, List<Refusal>>();
        List<Refusal>? current = null;
        foreach (var line in File.ReadLines(SpecFiles.Path("CLARIFICATIONS.md"))
                     .SkipWhile(l => !l.StartsWith("## 3. ", StringComparison.Ordinal))
                     .TakeWhile(l => !l.StartsWith("### 3.1 ", StringComparison.Ordinal)))
        {
            if (EntryHeading().Match(line) is { Success: true } heading)
                entries.Add($"{heading.Groups[1].Value} {heading.Groups[2].Value}", current = []);
            if (current is null) continue;
            current.AddRange(Quoted().Matches(line).Select(m =>
                new Refusal(int.Parse(m.Groups[1].Value), m.Groups[2].Success ? CodeNamed(m.Groups[2].Value) : null, m.Groups[3].Value)));
            if (!line.StartsWith("- Order:", StringComparison.Ordinal)) continue;
            current.AddRange(Admin().Matches(line).Select(m => new Refusal(401, ErrorCode.GroupNotAdmin, m.Groups[1].Value)));
            if (Member().IsMatch(line)) current.Add(new Refusal(401, ErrorCode.GroupNotMember, "not a member of this group"));
            current.AddRange(Uid().Matches(line).Select(m => new Refusal(400, ErrorCode.InputValidation, $"invalid {m.Groups[1].Value}")));
            if (User().IsMatch(line)) current.Add(new Refusal(404, ErrorCode.ResourceNotFound, "user not found"));
        }
        return entries;
    }

    private static ErrorCode CodeNamed(string name) =>
        (ErrorCode)(ErrorResponse.Descriptor.FindFieldByName("error_code").EnumType.FindValueByName("ERROR_CODE_" + name)?.Number
            ?? throw new InvalidOperationException($"§3 quotes an unknown ErrorCode {name}"));
}
