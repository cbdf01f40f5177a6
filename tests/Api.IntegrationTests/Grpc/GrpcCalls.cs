using Grpc.Core;

namespace Conclave.Api.IntegrationTests.Grpc;

internal static class GrpcCalls
{
    public static Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };

    /// <summary>
    /// Asserts a refused call's gRPC status, its conclave-error-code trailer (the wire ErrorCode) and the ErrorResponse
    /// in its grpc-status-details-bin trailer.
    /// </summary>
    public static async Task AssertRefusedAsync<T>(Func<Task<T>> call, StatusCode status, V1.ErrorCode code, string message)
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(status, refusal.StatusCode);
        Assert.Equal(message, refusal.Status.Detail);
        Assert.Equal(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.Trailers.GetValue("conclave-error-code"));
        var details = refusal.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException("no grpc-status-details-bin");
        Assert.Equal((int)status, details.Code);
        Assert.Equal(new V1.ErrorResponse { Message = message, ErrorCode = code }, Assert.Single(details.Details).Unpack<V1.ErrorResponse>());
    }
}
