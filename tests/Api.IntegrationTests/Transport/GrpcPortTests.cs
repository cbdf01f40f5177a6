using System.Net;
using Conclave.Api.IntegrationTests.Discovery;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Transport;

// grpc_port serves gRPC (and its reflection when enabled) only: over HTTP/2 with prior knowledge, as
// `curl --http2-prior-knowledge` asks, /metrics, the health probes, the event stream and the spec and JSON routes are
// unknown there (404 RESOURCE_NOT_FOUND); listen_port still serves them all.
public sealed class GrpcPortTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private HttpClient _grpcPort = null!;

    public static TheoryData<string, string, bool> NonGrpcRequests => new()
    {
        { "GET", "/metrics", false },
        { "GET", "/healthz", false },
        { "GET", "/readyz", false },
        { "GET", "/api/v1/me", false },
        { "GET", "/api/v1/me", true },
        { "POST", "/api/v1/login", false },
        { "POST", "/api/v1/login", true },
        { "GET", "/api/v1/events", false },
    };

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(c => c with { MetricsEnabled = true, GrpcReflectionEnabled = true });
        _grpcPort = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{_server.Services.GetRequiredService<Listeners>().Grpc!.IPEndPoint!.Port}"),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, // cleartext HTTP/2 with prior knowledge
        };
    }

    public async Task DisposeAsync()
    {
        _grpcPort.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(NonGrpcRequests))]
    public async Task Everything_but_grpc_is_unknown_on_the_grpc_port(string method, string path, bool json)
    {
        var user = await _server.Spec.NewUserAsync("port");

        using var onGrpcPort = await SendAsync(_grpcPort, method, path, json, user);
        using var onListenPort = await SendAsync(_server.Http, method, path, json, user);

        Assert.Equal(HttpStatusCode.NotFound, onGrpcPort.StatusCode); // first: an event stream's body never ends
        await SpecClient.AssertErrorAsync(onGrpcPort, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "not found");
        Assert.NotEqual(HttpStatusCode.NotFound, onListenPort.StatusCode);
        Assert.True((int)onListenPort.StatusCode < 400, $"{method} {path} on listen_port: {(int)onListenPort.StatusCode}");
    }

    [Fact]
    public async Task Grpc_and_its_reflection_still_work_on_the_grpc_port()
    {
        var user = await _server.Spec.NewUserAsync("port");

        var login = await new Accounts.AccountsClient(_server.Channel).LoginAsync(new LoginRequest { Username = user.Username, Password = "password123" });
        using var reflection = new ReflectionClient(_server.Channel!.CreateCallInvoker());

        Assert.Equal(user.Id, login.UserId);
        Assert.Contains("conclave.server.v1.Accounts", await reflection.ListServicesAsync());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path, bool json, TestUser user)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Version = http.DefaultRequestVersion, VersionPolicy = http.DefaultVersionPolicy };
        request.Headers.Add("Authorization", $"Bearer {user.Token}");
        if (json) request.Headers.Add("Accept", "application/json");
        if (method == "POST")
        {
            var body = json
                ? (HttpContent)new StringContent($$"""{"username":"{{user.Username}}","password":"password123"}""", System.Text.Encoding.UTF8, "application/json")
                : new ByteArrayContent(new LoginRequest { Username = user.Username, Password = "password123" }.ToByteArray());
            request.Content = body;
        }
        // The event stream answers at once and then stays open: its headers are enough.
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
