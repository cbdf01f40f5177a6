using System.Text.RegularExpressions;
using Conclave.ApiReference;
using Conclave.V1;

namespace Conclave.Architecture.Tests;

// The events the protos declare per route ((emits) in http_options.proto, listed in docs/api.md) are exactly those of
// CLARIFICATIONS §3.1, row by row. (Api.IntegrationTests/Events/EndpointEventTests checks on the real server that
// every event a route sends is one it declares.)
public sealed partial class DeclaredEventsTests
{
    private const string Group = "/api/v1/groups/{group_id}";

    // §3.1 names its triggers in words; these are their routes.
    private static readonly Dictionary<string, string[]> TriggerRoutes = new()
    {
        ["PATCH /me"] = ["PATCH /api/v1/me"],
        ["PATCH /groups/{id}"] = [$"PATCH {Group}"],
        ["promote / demote"] = [$"POST {Group}/promote", $"POST {Group}/demote"],
        ["commit with non-empty commit_message"] = [$"POST {Group}/commit"],
        ["accept invite"] = ["POST /api/v1/invites/{invite_id}/accept"],
        ["external-join, flag set, non-empty commit"] = [$"POST {Group}/external-join"],
        ["external-join, no flag, non-empty commit"] = [$"POST {Group}/external-join"],
        ["send message"] = [$"POST {Group}/messages"],
        ["remove"] = [$"POST {Group}/remove"],
        ["ban of a current member"] = [$"POST {Group}/ban"],
        ["leave"] = [$"POST {Group}/leave"],
        ["delete account"] = ["POST /api/v1/delete-account"],
        ["delete group"] = [$"POST {Group}/delete"],
        ["escrow-invite"] = [$"POST {Group}/escrow-invite"],
        ["decline invite"] = ["POST /api/v1/invites/{invite_id}/decline"],
        ["cancel invite"] = [$"POST {Group}/cancel-invite"],
    };

    [GeneratedRegex(@"^(\w+)(?:\{([^}]*)\})?")]
    private static partial Regex EventCell();

    [SkippableFact]
    public void Every_route_declares_the_events_of_the_spec_summary_and_no_other()
    {
        var spec = SpecEmissions().ToHashSet();
        var declared = ApiFacts.Routes.SelectMany(r => r.Emits.Select(e => $"{r.Key}: {e.Event} {e.Detail}".TrimEnd())).ToHashSet();

        Assert.True(spec.Count > 0, "no rows read from CLARIFICATIONS §3.1");
        var differences = spec.Except(declared).Select(e => $"in §3.1, not declared: {e}")
            .Concat(declared.Except(spec).Select(e => $"declared, not in §3.1: {e}")).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    // "route: server_event_field [GROUP_UPDATE_TYPE]" for each row of the §3.1 table.
    private static IEnumerable<string> SpecEmissions()
    {
        var lines = File.ReadLines(SpecFiles.Path("CLARIFICATIONS.md"))
            .SkipWhile(line => !line.StartsWith("### 3.1 ", StringComparison.Ordinal))
            .Skip(1)
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Skip(2); // the header and its separator
        foreach (var line in lines)
        {
            var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
            var (trigger, eventCell) = (cells[1], cells[2]);
            Assert.True(TriggerRoutes.TryGetValue(trigger, out var routes), $"§3.1 trigger \"{trigger}\" is not mapped to a route in {nameof(TriggerRoutes)}");
            var match = EventCell().Match(eventCell);
            var field = ServerEvent.Descriptor.Fields.InFieldNumberOrder().SingleOrDefault(f => f.MessageType.Name == match.Groups[1].Value + "Event")
                ?? throw new InvalidOperationException($"§3.1 event \"{eventCell}\" is no ServerEvent field");
            var updateType = match.Groups[2].Value.Split(',').Select(part => part.Trim())
                .SingleOrDefault(part => part is "COMMIT" or "GROUP_SETTINGS" or "ROLE_CHANGE");
            foreach (var route in routes) yield return $"{route}: {field.Name} {updateType}".TrimEnd();
        }
    }
}
