using System.Text;
using Conclave.Api.Abuse;
using Conclave.Api.Auth;
using Conclave.Api.Configuration;
using Conclave.Api.Discovery;
using Conclave.Api.Grpc;
using Conclave.Api.Hosting;
using Conclave.Api.Http;
using Conclave.Api.Observability;
using Conclave.Api.Plugins;
using Conclave.Api.Sse;
using Conclave.Application;
using Conclave.Infrastructure;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Files;
using Conclave.Infrastructure.Sqlite.Schema;
using Conclave.V1;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Conclave.Api;

/// <summary>Builds the server from a validated configuration; Program and the tests both start it this way.</summary>
public static class ServerApp
{
    /// <exception cref="PluginLoadException">A plugin in plugins_path cannot be loaded.</exception>
    /// <exception cref="ForeignDatabaseException">database_path is not this server's database (left as it was).</exception>
    public static WebApplication Build(ServerConfig config, Action<WebApplicationBuilder>? customize = null)
    {
        ForeignDatabaseGuard.RequireOursOrNew(config.DatabasePath);
        var plugins = PluginLoader.LoadAll(config.EffectivePluginsPath);
        var builder = CreateBuilder();
        var listeners = new Listeners();
        builder.WebHost.ConfigureKestrel(kestrel => ConfigureListeners(kestrel, config, listeners));
        // Type=notify under systemd (READY=1 once listening, STOPPING=1 on SIGTERM); nothing elsewhere. Before the
        // logging, whose JSON format must win over the journal format AddSystemd picks.
        builder.Services.AddSystemd();
        builder.Logging.ConfigureLogging(config);
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(config.ToSettings());
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddApplication([.. plugins.Select(plugin => plugin.Assembly)]);
        builder.Services.AddHostedService<PluginEventDrain>();
        builder.Services.AddInfrastructure(config.DatabasePath);
        AddApi(builder.Services);
        builder.Services.AddHealthEndpoints();
        builder.Services.AddMetricsExport(config);
        builder.Services.AddGrpcReflection(config);
        builder.Services.AddOpenApiDocument(config);
        builder.Services.AddIdleMemoryTrim();
        UseStrictGrpcDecoding(builder.Services);
        customize?.Invoke(builder);

        var app = builder.Build();
        app.LogConfigurationSource(config);
        app.LogPlugins(plugins);
        app.UseRequestActivity();
        app.UseForwardedClients(config);
        app.UseMiddleware<RequestLog>();
        app.UseTrailingSlashRejection();
        app.UseRouting();
        app.UseUnmatchedRequestErrors();
        app.UseJsonRefusalDetails();
        app.MapHealthEndpoints();
        app.MapMetrics(config);
        app.MapGrpcReflection(config);
        app.MapOpenApiDocument(config);
        var catalog = app.Services.GetRequiredService<RpcCatalog>();
        app.MapConclaveServices(catalog);
        app.MapProtobufRoutes(catalog);
        app.MapEventStream(catalog);
        return app;
    }

    // The server's settings come from its own configuration alone, not from .NET's: an appsettings.json in the working
    // directory or a variable such as Kestrel__Endpoints__… could open a listener of its own,
    // ASPNETCORE_FORWARDEDHEADERS_ENABLED made X-Forwarded-For trusted from anyone, and the Development environment
    // answers unhandled exceptions with their stack trace. The file was also watched, and .NET's file watcher puts an
    // inotify watch on every folder below the working directory: each write to a database kept there (the default)
    // woke it.
    private static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Configuration.Sources.Clear();
        return builder;
    }

    /// <summary>Creates or migrates the database, then starts listening.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var config = scope.ServiceProvider.GetRequiredService<ServerConfig>();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(config.DatabasePath, cancellationToken);
        }
        await app.StartAsync(cancellationToken);
    }

    // Every gRPC service is bound with the spec surface's strict decoding instead of Grpc.AspNetCore's binder. Last,
    // as every AddGrpc() (reflection's, too) registers that binder again: two binders map every method twice.
    private static void UseStrictGrpcDecoding(IServiceCollection services)
    {
        var binders = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1").ToList();
        if (binders.Count == 0) throw new InvalidOperationException("Grpc.AspNetCore's method binder was not found: its strict replacement cannot be put in");
        foreach (var binder in binders) services.Remove(binder);
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(StrictDecodingMethodProvider<>));
    }

    private static void AddApi(IServiceCollection services)
    {
        services.AddGrpc(options =>
        {
            options.IgnoreUnknownServices = true;
            options.MaxReceiveMessageSize = BodyLimit.MaxBytes + 1024; // the spec body plus its path wrapper
            options.Interceptors.Add<ErrorInterceptor>();
            options.Interceptors.Add<AuthInterceptor>();
            options.Interceptors.Add<JsonBodyLimitInterceptor>();
        }).AddJsonTranscoding(options =>
            // JSON refusals carry ErrorInterceptor's google.rpc.Status, whose detail is an Any holding an ErrorResponse.
            options.TypeRegistry = TypeRegistry.FromMessages(ErrorResponse.Descriptor));
        foreach (var service in GrpcServices.All) services.AddTransient(service);
        services.AddSingleton(RpcCatalog.OfImplementedServices());
        services.AddSingleton<MatcherPolicy, JsonRequestPolicy>();
        services.AddSingleton<AuthHeaderReader>();
        services.AddScoped<Caller>();
        services.AddTransient<CallAuthenticator>();
        services.AddSingleton<EventPump>();
        services.AddHostedService<SessionEndWatch>();
        services.AddSingleton(new EventStreamOptions());
        services.AddHttpContextAccessor();
        services.AddScoped<ClientAddress>();
        services.AddSingleton<OpenEventStreams>();
        services.AddSingleton<EventStreamLimit>();
    }

    // Plain mode: HTTP/1.1 on listen_port for spec clients, HTTP/2 on grpc_port (Kestrel cannot serve both
    // cleartext on one port). TLS mode: both negotiated by ALPN on listen_port.
    private static void ConfigureListeners(KestrelServerOptions kestrel, ServerConfig config, Listeners listeners)
    {
        kestrel.AddServerHeader = false;
        // Kestrel refuses a header value that is not UTF-8 with a bare 400; the auth header must instead reach
        // AuthHeaderReader, which treats any non-visible-ASCII value as missing (CLARIFICATIONS §4.2). Latin-1 maps
        // every byte to one character, so it always does.
        kestrel.RequestHeaderEncodingSelector = name =>
            string.Equals(name, config.AuthHeader, StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : null;
        kestrel.Limits.MaxRequestBodySize = BodyLimit.MaxJsonBytes; // the spec routes enforce their 1 MiB themselves
        var address = config.ListenIpAddress!; // validated
        kestrel.Listen(address, config.EffectiveListenPort, listen =>
        {
            if (config.TlsEnabled)
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseTls(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(config.TlsCertPath!, config.TlsKeyPath));
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1;
            }
            listeners.Main = listen;
        });
        if (config.TlsEnabled) return;
        kestrel.Listen(address, config.GrpcPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listeners.Grpc = listen;
        });
    }
}

/// <summary>The bound listeners; with port 0 in the configuration their endpoints show the ports actually taken.</summary>
public sealed class Listeners
{
    public ListenOptions? Main { get; set; }
    public ListenOptions? Grpc { get; set; }
}
