using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Conclave.Api.IntegrationTests.Transport;

// The same server answers the spec's HTTP/protobuf, gRPC and JSON at once, on the same data.
public sealed class ThreeSurfacesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task A_user_registered_over_protobuf_is_seen_over_grpc_and_json()
    {
        var alice = await Server.Spec.NewUserAsync("alice");

        var accounts = new Accounts.AccountsClient(Server.Channel);
        var me = await accounts.GetMeAsync(new Empty(), new Metadata { { "Authorization", $"Bearer {alice.Token}" } });
        Assert.Equal(alice.Username, me.Username);
        Assert.Equal(alice.Id, me.UserId);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/users/{alice.Username}");
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Authorization", $"Bearer {alice.Token}");
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(alice.Username, json.GetProperty("username").GetString());
    }

    [Fact]
    public async Task Registration_over_grpc_and_json_can_log_in_over_protobuf()
    {
        var accounts = new Accounts.AccountsClient(Server.Channel);
        var viaGrpc = $"grpc_{Guid.NewGuid():N}"[..20];
        await accounts.RegisterAsync(new RegisterRequest { Username = viaGrpc, Password = "password123" });

        var viaJson = $"json_{Guid.NewGuid():N}"[..20];
        using var json = await Server.Http.PostAsJsonAsync("/api/v1/register", new { username = viaJson, password = "password123" });
        Assert.True(json.IsSuccessStatusCode, await json.Content.ReadAsStringAsync());

        Assert.Equal(viaGrpc, (await Server.Spec.LoginAsync(viaGrpc)).Username);
        Assert.Equal(viaJson, (await Server.Spec.LoginAsync(viaJson)).Username);
    }
}
