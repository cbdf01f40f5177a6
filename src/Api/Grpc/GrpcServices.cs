using Conclave.Api.Http;

namespace Conclave.Api.Grpc;

/// <summary>The implemented services: mapped for gRPC and JSON transcoding, and read by <see cref="RpcCatalog"/>.</summary>
internal static class GrpcServices
{
    public static readonly Type[] All = [typeof(AccountsService), typeof(UsersService)];

    public static void MapConclaveServices(this IEndpointRouteBuilder endpoints)
    {
        var map = typeof(GrpcEndpointRouteBuilderExtensions).GetMethods()
            .Single(m => m.Name == nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService) && m.GetParameters().Length == 1);
        foreach (var service in All) map.MakeGenericMethod(service).Invoke(null, [endpoints]);
    }
}
