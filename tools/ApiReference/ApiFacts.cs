using Conclave.Api.Http;
using Conclave.Server.V1;
using Conclave.V1;

namespace Conclave.ApiReference;

/// <summary>Every route of the server with the facts its proto declares (http_options.proto) and those its shape implies.</summary>
public static class ApiFacts
{
    // The spec's order of the API pages (SUMMARY.md).
    private static readonly string[] ServiceOrder = ["Accounts", "Users", "KeyPackages", "Groups", "Members", "Invites", "Welcomes", "Messages", "Events"];

    public static IReadOnlyList<RouteFacts> Routes { get; } = RpcCatalog.OfImplementedServices().Routes
        .OrderBy(r => Array.IndexOf(ServiceOrder, r.Method.Service.Name) is var i and >= 0 ? i : int.MaxValue)
        .ThenBy(r => r.Method.Index)
        .Select(Read)
        .ToList();

    public static RouteFacts Of(string key) =>
        Routes.SingleOrDefault(r => r.Key == key) ?? throw new ArgumentException($"no route {key}", nameof(key));

    private static RouteFacts Read(RpcRoute route)
    {
        var options = route.Method.GetOptions();
        // An absent repeated extension reads as null.
        var emits = options.GetExtension(HttpOptionsExtensions.Emits)?.ToList() ?? [];
        foreach (var emitted in emits.Where(e => !IsServerEvent(e)))
            throw new InvalidOperationException($"{route.Method.FullName} emits \"{emitted.Event}\" \"{emitted.Detail}\": no such conclave.v1.ServerEvent field (and GroupUpdateType)");
        var declared = (options.GetExtension(HttpOptionsExtensions.Errors) ?? [])
            .Select(e => new DocumentedError(e.Status, e.Code, e.Message, e.When, FromTransport: false));
        var shape = new RouteFacts(route, options.GetExtension(HttpOptionsExtensions.Role), [], emits);
        return shape with { Errors = [.. TransportErrors.Before(shape), .. declared, TransportErrors.Internal] };
    }

    // A ServerEvent field; a group update names its GroupUpdateType without the prefix (COMMIT, GROUP_SETTINGS, ROLE_CHANGE).
    private static bool IsServerEvent(RouteEvent emitted) => ServerEvent.Descriptor.FindFieldByName(emitted.Event) switch
    {
        null => false,
        { FieldNumber: ServerEvent.GroupUpdateFieldNumber } => GroupUpdateEvent.Descriptor.FindFieldByName("update_type").EnumType
            .FindValueByName("GROUP_UPDATE_TYPE_" + emitted.Detail) is not null,
        _ => true,
    };
}
