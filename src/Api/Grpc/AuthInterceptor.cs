using Conclave.Api.Auth;
using Conclave.Api.Http;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Conclave.Api.Grpc;

// gRPC and JSON-transcoded calls authenticate here, with the same header rules as the spec routes.
internal sealed class AuthInterceptor(RpcCatalog catalog, CallAuthenticator authenticator) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        if (catalog.Find(context.Method) is { Anonymous: true }) return;
        await authenticator.AuthenticateAsync(context.GetHttpContext());
    }
}
