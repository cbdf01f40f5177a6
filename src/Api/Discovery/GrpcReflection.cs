using Conclave.Api.Configuration;

namespace Conclave.Api.Discovery;

/// <summary>
/// With grpc_reflection_enabled, gRPC server reflection (v1 and v1alpha) describes every mapped service and the proto
/// files behind it, wherever gRPC is served. It needs no token: it tells no more than the published protos.
/// </summary>
internal static class GrpcReflection
{
    public static void AddGrpcReflection(this IServiceCollection services, ServerConfig config)
    {
        if (config.GrpcReflectionEnabled) services.AddGrpcReflection();
    }

    public static void MapGrpcReflection(this IEndpointRouteBuilder endpoints, ServerConfig config)
    {
        if (config.GrpcReflectionEnabled) endpoints.MapGrpcReflectionService();
    }
}
