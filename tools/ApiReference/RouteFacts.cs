using Conclave.Api.Http;
using Conclave.Server.V1;
using Google.Protobuf.Reflection;

namespace Conclave.ApiReference;

/// <summary>Everything docs/api.md says about one route, read from its proto declaration.</summary>
public sealed record RouteFacts(RpcRoute Route, CallerRole Role, IReadOnlyList<DocumentedError> Errors, IReadOnlyList<RouteEvent> Emits)
{
    /// <summary>"VERB /path/{template}", as the authorization matrix names routes.</summary>
    public string Key => $"{Route.HttpMethod} {Route.PathTemplate}";

    public MethodDescriptor Method => Route.Method;

    /// <summary>Request fields taken from the query string: those neither in the path nor in the body.</summary>
    public IReadOnlyList<FieldDescriptor> QueryFields => Route.Body == BodyBinding.Whole
        ? []
        : Method.InputType.Fields.InFieldNumberOrder().Where(f => !Route.PathFields.Contains(f) && f != Route.BodyField).ToList();
}
