using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Conclave.Api.Http;

// A JSON-transcoded call's message, once decoded, is held to the spec surface's 1 MiB (BodyLimit): 413
// INPUT_BAD_REQUEST with the spec surface's message. Only transcoded calls carry the OversizeWatch
// (JsonRefusalDetails), which also turns transcoding's 400 into the 413. After authentication, as on the spec surface.
internal sealed class JsonBodyLimitInterceptor(RpcCatalog catalog) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (context.GetHttpContext().Features.Get<OversizeWatch>() is { } watch
            && catalog.Find(context.Method) is { } route
            && request is Google.Protobuf.IMessage message
            && BodyLimit.Exceeds(route, message))
        {
            watch.MarkExceeded();
            throw BodyLimit.TooLarge();
        }
        return continuation(request, context);
    }
}
