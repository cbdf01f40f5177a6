using System.Reflection;
using Conclave.Api.Http;
using Grpc.Core;

namespace Conclave.Api.Grpc;

/// <summary>
/// The implemented services (every class here deriving from a generated service base): mapped for gRPC and JSON
/// transcoding, and read by <see cref="RpcCatalog"/> for the spec routes.
/// </summary>
internal static class GrpcServices
{
    public static readonly Type[] All = typeof(GrpcServices).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && type.BaseType?.GetCustomAttribute<BindServiceMethodAttribute>() is not null)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .ToArray();

    public static void MapConclaveServices(this IEndpointRouteBuilder endpoints, RpcCatalog catalog)
    {
        var map = typeof(GrpcEndpointRouteBuilderExtensions).GetMethods()
            .Single(m => m.Name == nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService) && m.GetParameters().Length == 1);
        foreach (var service in All)
        {
            var conventions = (IEndpointConventionBuilder)map.MakeGenericMethod(service).Invoke(null, [endpoints])!;
            conventions.Add(builder =>
            {
                if (builder is RouteEndpointBuilder route) RouteTemplates.Constrain(route, catalog.Routes);
            });
        }
    }
}
