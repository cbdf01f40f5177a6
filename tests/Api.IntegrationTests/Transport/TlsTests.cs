using System.Net;
using Conclave.Api.Configuration;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Transport;

// CLARIFICATIONS C13 and checklist 3: with TLS, HTTP/1.1 and h2 are negotiated by ALPN on listen_port, and gRPC
// shares that port.
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("tls-tests");
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var (certPath, keyPath) = await SelfSignedCertificate.WritePemAsync(_folder.Path);
        var config = new ServerConfig
        {
            ListenAddress = "127.0.0.1", ListenPort = 0, DatabasePath = Path.Combine(_folder.Path, "conclave.db"),
            TlsCertPath = certPath, TlsKeyPath = keyPath,
        };
        _app = ServerApp.Build(config);
        await ServerApp.StartAsync(_app);
        var listeners = _app.Services.GetRequiredService<Listeners>();
        Assert.Null(listeners.Grpc);
        _address = new Uri($"https://127.0.0.1:{listeners.Main!.IPEndPoint!.Port}");
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    public async Task Both_http_versions_serve_the_spec_routes(int major, int minor)
    {
        using var http = new HttpClient(TrustingHandler()) { BaseAddress = _address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me")
        {
            Version = new Version(major, minor),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(new Version(major, minor), response.Version);
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");
    }

    [Fact]
    public async Task A_spec_client_offering_both_versions_gets_http2_and_works_over_it()
    {
        using var http = new HttpClient(TrustingHandler())
        {
            BaseAddress = _address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower, // ALPN offers h2 and http/1.1: the server picks
        };
        var spec = new SpecClient(http);

        var user = await spec.NewUserAsync("tls_h2");
        using var response = await spec.GetMeRawAsync(user.Token);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(user.Username, (await SpecClient.ReadAsync<UserInfoResponse>(response)).Username);
    }

    [Fact]
    public async Task Grpc_shares_the_port()
    {
        using var channel = GrpcChannel.ForAddress(_address, new GrpcChannelOptions { HttpHandler = TrustingHandler() });
        var accounts = new Accounts.AccountsClient(channel);
        var username = AccountCalls.UniqueName("tls");

        var registered = await accounts.RegisterAsync(new RegisterRequest { Username = username, Password = "password123" });
        var login = await accounts.LoginAsync(new LoginRequest { Username = username, Password = "password123" });

        Assert.Equal(registered.UserId, login.UserId);
    }

    private static SocketsHttpHandler TrustingHandler() => SelfSignedCertificate.TrustingHandler();
}
