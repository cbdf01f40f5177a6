using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Conclave.Api.IntegrationTests.Transport;

// CLARIFICATIONS §4.1, §4.3 and checklist 30-32: a server configured with another auth_header.
public sealed class CustomAuthHeaderTests
{
    [Fact]
    public async Task The_raw_token_in_the_configured_header_authenticates_and_the_bearer_form_does_not()
    {
        await using var server = await TestServer.StartAsync(c => c with { AuthHeader = "X-Conclave-Token" });
        var alice = await server.Spec.NewUserAsync();

        using var raw = await GetMe(server, ("X-Conclave-Token", alice.Token));
        using var lowerCaseName = await GetMe(server, ("x-conclave-token", alice.Token));
        using var bearer = await GetMe(server, ("X-Conclave-Token", $"Bearer {alice.Token}"));
        using var standard = await GetMe(server, ("Authorization", $"Bearer {alice.Token}"));
        using var nothing = await GetMe(server);

        Assert.Equal(alice.Username, (await SpecClient.ReadAsync<UserInfoResponse>(raw)).Username);
        Assert.Equal(alice.Username, (await SpecClient.ReadAsync<UserInfoResponse>(lowerCaseName)).Username);
        await SpecClient.AssertErrorAsync(bearer, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");
        await SpecClient.AssertErrorAsync(standard, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing X-Conclave-Token header");
        await SpecClient.AssertErrorAsync(nothing, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing X-Conclave-Token header");
    }

    [Fact]
    public async Task Grpc_calls_use_the_configured_header_too()
    {
        await using var server = await TestServer.StartAsync(c => c with { AuthHeader = "X-Conclave-Token" });
        var alice = await server.Spec.NewUserAsync();
        var accounts = new Accounts.AccountsClient(server.Channel);

        var me = await accounts.GetMeAsync(new Empty(), new Metadata { { "x-conclave-token", alice.Token } });
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            accounts.GetMeAsync(new Empty(), new Metadata { { "authorization", $"Bearer {alice.Token}" } }).ResponseAsync);

        Assert.Equal(alice.Username, me.Username);
        Assert.Equal((StatusCode.Unauthenticated, "missing X-Conclave-Token header"), (refused.StatusCode, refused.Status.Detail));
    }

    [Fact]
    public async Task Authorization_in_any_letter_case_selects_standard_mode()
    {
        await using var server = await TestServer.StartAsync(c => c with { AuthHeader = "AUTHORIZATION" });
        var alice = await server.Spec.NewUserAsync();

        using var bearer = await GetMe(server, ("Authorization", $"Bearer {alice.Token}"));
        using var raw = await GetMe(server, ("Authorization", alice.Token));
        using var nothing = await GetMe(server);

        Assert.Equal(alice.Username, (await SpecClient.ReadAsync<UserInfoResponse>(bearer)).Username);
        await SpecClient.AssertErrorAsync(raw, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderInvalid, "invalid Authorization header format");
        await SpecClient.AssertErrorAsync(nothing, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing AUTHORIZATION header");
    }

    private static async Task<HttpResponseMessage> GetMe(TestServer server, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await server.Http.SendAsync(request);
    }
}
