using System.Globalization;
using System.Text;
using Conclave.Api.Http;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.Reflection;

namespace Conclave.ApiReference;

/// <summary>
/// docs/api.md: the hand-written introduction (everything up to <see cref="Marker"/>, kept as it is) followed by the
/// route reference generated from <see cref="ApiFacts"/>.
/// </summary>
public static class ApiReferenceDocument
{
    public const string Command = "dotnet run --project tools/ApiReference";

    public static readonly string Marker =
        $"<!-- Generated below this line from proto/conclave/server/v1 by `{Command}`: edit the protos, not this part. -->";

    /// <summary>The document with <paramref name="current"/>'s introduction and a freshly generated reference.</summary>
    public static string Render(string current)
    {
        var at = current.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"docs/api.md lacks the line {Marker}");
        return current[..(at + Marker.Length)] + "\n\n" + Reference(ApiFacts.Routes);
    }

    private static string Reference(IReadOnlyList<RouteFacts> routes)
    {
        var text = new StringBuilder();
        text.AppendLine("## All routes").AppendLine();
        text.AppendLine("| Method | Path | gRPC method | Caller | Success |").AppendLine("|---|---|---|---|---|");
        foreach (var route in routes)
            text.AppendLine(Row($"`{route.Route.HttpMethod}`", $"`{route.Route.PathTemplate}`", $"`{route.Method.Service.Name}/{route.Method.Name}`",
                Caller(route), SuccessStatus(route)));
        foreach (var service in routes.GroupBy(r => r.Method.Service))
        {
            text.AppendLine().AppendLine($"## {service.Key.Name} (`{service.Key.FullName}`)");
            foreach (var route in service) AppendRoute(text, route);
        }
        return text.ToString();
    }

    private static void AppendRoute(StringBuilder text, RouteFacts route)
    {
        var r = route.Route;
        text.AppendLine().AppendLine($"### `{r.HttpMethod} {r.PathTemplate}`").AppendLine();
        text.AppendLine("| | |").AppendLine("|---|---|");
        text.AppendLine(Row("gRPC", $"`{route.Method.Service.FullName}/{route.Method.Name}`: `{route.Method.InputType.FullName}` → {(route.Method.IsServerStreaming ? "stream " : "")}`{route.Method.OutputType.FullName}`"));
        text.AppendLine(Row("Authentication", r.Anonymous ? "none" : "session token (`Authorization: Bearer <token>`)"));
        text.AppendLine(Row("Caller", Caller(route)));
        if (r.PathFields.Count > 0) text.AppendLine(Row("Path", string.Join(", ", r.PathFields.Select(PathField))));
        if (route.QueryFields.Count > 0) text.AppendLine(Row("Query", string.Join(", ", route.QueryFields.Select(f => $"`{f.Name}` ({TypeName(f)}, optional)"))));
        text.AppendLine(Row("Request body", r.Body == BodyBinding.None ? "none (not read)" : $"`{r.BodyDescriptor.FullName}`"));
        text.AppendLine(Row("Success", route.Method.IsServerStreaming
            ? "`200` `text/event-stream`: one hex-encoded `conclave.v1.ServerEvent` per `data:` line (see [The event stream](#the-event-stream)); over gRPC a stream of `conclave.v1.ServerEvent`"
            : $"{SuccessStatus(route)} {(r.SuccessStatus == 204 ? "no body" : $"`{route.Method.OutputType.FullName}`")}"));

        text.AppendLine().AppendLine("Errors, in the order they are checked:").AppendLine();
        text.AppendLine("| Status | ErrorCode | Message | When |").AppendLine("|---|---|---|---|");
        foreach (var error in route.Errors)
            text.AppendLine(Row($"`{error.Status}`", $"`{CodeName(error.Code)}` ({(int)error.Code})", Code(error.Message), Escape(error.When)));

        text.AppendLine();
        if (route.Emits.Count == 0)
        {
            text.AppendLine("Events: none.");
            return;
        }
        text.AppendLine("Events, published after the change is committed and before the response:").AppendLine();
        text.AppendLine("| Event | To | When |").AppendLine("|---|---|---|");
        foreach (var emitted in route.Emits)
            text.AppendLine(Row(EventName(emitted), Escape(emitted.Recipients), emitted.When is "" ? "every success" : Escape(emitted.When)));
    }

    private static string Caller(RouteFacts route) => route.Role switch
    {
        CallerRole.AnyUser => route.Route.Anonymous ? "anyone" : "any signed-in user",
        CallerRole.GroupMember => "a member of the group",
        CallerRole.GroupAdmin => "an admin of the group",
        CallerRole.Invitee => "the invite's invitee",
        CallerRole.WelcomeRecipient => "the welcome's recipient",
        _ => throw new InvalidOperationException($"{route.Key}: unknown role {route.Role}"),
    };

    private static string SuccessStatus(RouteFacts route) => $"`{route.Route.SuccessStatus.ToString(CultureInfo.InvariantCulture)}`";

    private static string PathField(FieldDescriptor field) =>
        field.Name.EndsWith("_id", StringComparison.Ordinal) ? $"`{field.Name}` (UUID text)" : $"`{field.Name}` (text)";

    private static string TypeName(FieldDescriptor field) => field.FieldType.ToString().ToLowerInvariant();

    private static string CodeName(ErrorCode code) => ErrorResponse.Descriptor.FindFieldByName("error_code").EnumType.FindValueByNumber((int)code).Name["ERROR_CODE_".Length..];

    private static string EventName(RouteEvent emitted)
    {
        var field = ServerEvent.Descriptor.FindFieldByName(emitted.Event);
        return $"`{field.MessageType.Name}` (`{field.Name}`){(emitted.Detail is "" ? "" : $" `{emitted.Detail}`")}";
    }

    // Verbatim text in a code span, fenced by two backticks when it holds one itself.
    private static string Code(string text)
    {
        var escaped = text.Replace("|", "\\|", StringComparison.Ordinal);
        return text.Contains('`', StringComparison.Ordinal) ? $"`` {escaped} ``" : $"`{escaped}`";
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";
}
