using Grpc.Core;

namespace Conclave.Api.IntegrationTests.Grpc;

internal static class GrpcCalls
{
    public static Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };

    /// <summary>Asserts a refused call's gRPC status and its conclave-error-code trailer (the wire ErrorCode).</summary>
    public static async Task AssertRefusedAsync<T>(Func<Task<T>> call, StatusCode status, V1.ErrorCode code, string message)
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(status, refusal.StatusCode);
        Assert.Equal(message, refusal.Status.Detail);
        Assert.Equal(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.Trailers.GetValue("conclave-error-code"));
    }
}
