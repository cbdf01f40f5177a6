using Conclave.Api.Errors;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Conclave.Api.Grpc;

// Every refusal leaves as a gRPC status with the ErrorResponse in google.rpc.Status details
// (grpc-status-details-bin) and the numeric ErrorCode in the conclave-error-code trailer.
internal sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public const string ErrorCodeTrailer = "conclave-error-code";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToRpcException(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException && !context.CancellationToken.IsCancellationRequested)
        {
            throw ToRpcException(exception, context);
        }
    }

    private RpcException ToRpcException(Exception exception, ServerCallContext context)
    {
        var outcome = ErrorMap.Describe(exception);
        if (outcome.IsInternal) logger.LogError(exception, "Unhandled failure in {Method}", context.Method);
        var status = new Google.Rpc.Status
        {
            Code = (int)outcome.GrpcStatus,
            Message = outcome.Body.Message,
            Details = { Any.Pack(outcome.Body) },
        };
        var rpcException = status.ToRpcException();
        rpcException.Trailers.Add(ErrorCodeTrailer, ((int)outcome.Body.ErrorCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return rpcException;
    }
}
