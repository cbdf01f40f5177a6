using System.Net;
using Conclave.Api.IntegrationTests.KeyPackages;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Core;

namespace Conclave.Api.IntegrationTests.Operations;

// GET /metrics (metrics_enabled): the server's instruments in the Prometheus text format. Alone on the machine, so
// the counts are this server's only.
[Collection(SerialCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_are_off_unless_enabled()
    {
        await using var server = await TestServer.StartAsync();

        await SpecClient.AssertErrorAsync(await server.Http.GetAsync("/metrics"), HttpStatusCode.NotFound, ErrorCode.ResourceNotFound);
    }

    [Fact]
    public async Task Requests_are_counted_and_timed_by_method_route_template_and_status()
    {
        await using var server = await TestServer.StartAsync(c => c with { MetricsEnabled = true });
        await server.Http.GetAsync("/api/v1/me");
        await server.Http.GetAsync("/api/v1/me");
        await server.Http.GetAsync("/api/v1/users/somebody");
        await server.Http.GetAsync("/no/such/path");

        var metrics = await ScrapeAsync(server);

        Assert.Equal(2, PrometheusText.Value(metrics, "conclave_http_requests_total", ("method", "GET"), ("route", "/api/v1/me"), ("status", "401")));
        Assert.Equal(1, PrometheusText.Value(metrics, "conclave_http_requests_total", ("route", "/api/v1/users/{username}"), ("status", "401")));
        Assert.Equal(1, PrometheusText.Value(metrics, "conclave_http_requests_total", ("route", "unmatched"), ("status", "404")));
        Assert.Equal(2, PrometheusText.Value(metrics, "conclave_http_request_duration_seconds_count", ("route", "/api/v1/me"), ("status", "401")));
        Assert.Equal(2, PrometheusText.Value(metrics, "conclave_http_request_duration_seconds_bucket", ("route", "/api/v1/me"), ("le", "+Inf")));
        Assert.True(PrometheusText.Value(metrics, "conclave_http_request_duration_seconds_sum", ("route", "/api/v1/me")) > 0);
        Assert.NotNull(PrometheusText.Value(metrics, "kestrel_active_connections"));
    }

    [Fact]
    public async Task Grpc_calls_carry_their_grpc_status()
    {
        await using var server = await TestServer.StartAsync(c => c with { MetricsEnabled = true });

        await Assert.ThrowsAsync<RpcException>(async () =>
            await new Accounts.AccountsClient(server.Channel).GetMeAsync(new Google.Protobuf.WellKnownTypes.Empty()));

        var metrics = await ScrapeAsync(server);
        Assert.Equal(1, PrometheusText.Value(metrics, "conclave_http_requests_total",
            ("route", "/conclave.server.v1.Accounts/GetMe"), ("status", "200"), ("grpc_status", "16")));
    }

    [Fact]
    public async Task Stored_messages_are_counted_once_committed()
    {
        await using var server = await TestServer.StartAsync(c => c with { MetricsEnabled = true });
        var alice = await server.Spec.NewUserAsync("alice");
        var outsider = await server.Spec.NewUserAsync("eve");
        var group = await server.Spec.CreateGroupAsync(alice);

        for (var i = 0; i < 3; i++) await server.Spec.SendAsync(group, alice, [1, 2, (byte)i]);
        await server.Spec.PostAsync(group.Path("/messages"), new SendMessageRequest(), outsider.Token); // 401: stores nothing

        Assert.Equal(3, PrometheusText.Value(await ScrapeAsync(server), "conclave_messages_stored_total"));
    }

    [Fact]
    public async Task Rate_limit_refusals_are_counted_by_limit()
    {
        await using var server = await TestServer.StartAsync(c => c with { MetricsEnabled = true });
        var alice = await server.Spec.NewUserAsync("alice");
        var bob = await server.Spec.NewUserAsync("bob");
        await server.Spec.PostAsync("/api/v1/key-packages", KeyPackageBytes.Batch(KeyPackageBytes.LastResort(1)), bob.Token);

        for (var i = 0; i < 12; i++) await server.Spec.GetAsync($"/api/v1/key-packages/{bob.Guid}", alice.Token);

        Assert.Equal(2, PrometheusText.Value(await ScrapeAsync(server), "conclave_rate_limit_rejections_total", ("limit", "key_packages")));
    }

    [Fact]
    public async Task Cleanup_runs_and_their_deletions_are_counted()
    {
        await using var server = await TestServer.StartAsync(c => c with { MetricsEnabled = true, TokenTtlSeconds = 1, CleanupInterval = "1s" });
        await server.Spec.NewUserAsync("short_lived"); // its session expires after a second and the cleanup deletes it

        string metrics = "";
        await Eventually.HoldsAsync(async () =>
        {
            metrics = await ScrapeAsync(server);
            return PrometheusText.Value(metrics, "conclave_cleanup_deleted_total", ("kind", "sessions")) >= 1;
        }, TimeSpan.FromSeconds(15), "the expired session's deletion is counted");
        Assert.True(PrometheusText.Value(metrics, "conclave_cleanup_runs_total") >= 2);
        Assert.Equal(0, PrometheusText.Value(metrics, "conclave_cleanup_deleted_total", ("kind", "invites")));
    }

    private static async Task<string> ScrapeAsync(TestServer server)
    {
        using var response = await server.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
