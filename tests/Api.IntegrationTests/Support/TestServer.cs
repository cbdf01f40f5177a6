using Conclave.Api;
using Conclave.Api.Configuration;
using Conclave.Api.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>The real server on real sockets (ports chosen by the OS) with its own SQLite file.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private TestServer(WebApplication app, string folder, ServerConfig config)
    {
        _app = app;
        _folder = folder;
        Config = config;
        var listeners = app.Services.GetRequiredService<Listeners>();
        BaseAddress = new Uri($"http://127.0.0.1:{listeners.Main!.IPEndPoint!.Port}");
        Http = new HttpClient { BaseAddress = BaseAddress };
        Spec = new SpecClient(Http);
        if (listeners.Grpc is { } grpc)
            Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpc.IPEndPoint!.Port}");
    }

    public ServerConfig Config { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public SpecClient Spec { get; }
    public GrpcChannel? Channel { get; }
    public string DatabasePath => Config.DatabasePath;
    public IServiceProvider Services => _app.Services;

    /// <param name="customize">Changes to the host before it is built: internal tuning such as EventStreamOptions, a log provider.</param>
    public static async Task<TestServer> StartAsync(Func<ServerConfig, ServerConfig>? configure = null, Action<WebApplicationBuilder>? customize = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "conclave-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = new ServerConfig
        {
            ListenAddress = "127.0.0.1",
            ListenPort = 0,
            GrpcPort = 0,
            DatabasePath = Path.Combine(folder, "conclave.db"),
            // Off, as a compatibility rig sets them: the suites register hundreds of users from 127.0.0.1.
            // The abuse-limit tests turn them on.
            RegisterLimitPerMinute = 0,
            LoginFailureLimitPerMinute = 0,
            EventStreamsPerUser = 0,
        };
        config = configure?.Invoke(config) ?? config;
        var app = ServerApp.Build(config, builder =>
        {
            // A trim collects the whole process: with many servers in one test run, each would stall all the others.
            builder.Services.AddSingleton(IdleMemoryTrimOptions.Default with { Enabled = false });
            customize?.Invoke(builder);
        });
        await ServerApp.StartAsync(app);
        return new TestServer(app, folder, config);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One server shared by the tests of a class; tests that need their own settings start their own.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
