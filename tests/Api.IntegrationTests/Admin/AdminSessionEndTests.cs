using System.Diagnostics;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Grpc;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using Conclave.Server.V1;
using EventsRpc = Conclave.Server.V1.Events;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using GroupDeletedEvent = Conclave.Application.Common.Events.Realtime.GroupDeletedEvent;

namespace Conclave.Api.IntegrationTests.Admin;

// Security review (issue 30) finding 2 and the operator's sign-out (issue 28): a session ended by an admin command,
// run as its own process on the database of a running server, ends that session's open SSE and gRPC streams
// promptly (about half a second when idle), and its token is refused on every surface.
public sealed class AdminSessionEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(10); // a loaded machine is slower

    private readonly TempFolder _folder = new("admin-session-end");
    private TestServer _server = null!;
    private string _config = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _config = Path.Combine(_folder.Path, "config.json");
        await File.WriteAllTextAsync(_config, $$"""{"database_path": {{JsonSerializer.Serialize(_server.DatabasePath)}}}""");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Reset_password_ends_the_users_open_sse_and_grpc_streams()
    {
        var (bob, carol) = (await _server.Spec.NewUserAsync("bob"), await _server.Spec.NewUserAsync("carol"));
        await using var streams = await OpenStreamsAsync(bob);
        await using var carolStream = await SseStream.OpenAsync(_server, carol.Token);

        await RunAdminAsync("password456\n", "users", "reset-password", bob.Username);

        await streams.AssertBothEndAsync(output, "reset-password");
        await AssertRefusedEverywhereAsync(bob.Token);
        await AssertStillDeliveringAsync(carolStream, carol);
    }

    [Fact]
    public async Task Delete_ends_the_users_open_sse_and_grpc_streams()
    {
        var (bob, carol) = (await _server.Spec.NewUserAsync("bob"), await _server.Spec.NewUserAsync("carol"));
        await using var streams = await OpenStreamsAsync(bob);
        await using var carolStream = await SseStream.OpenAsync(_server, carol.Token);

        await RunAdminAsync(null, "users", "delete", bob.Username);

        await streams.AssertBothEndAsync(output, "delete");
        await AssertRefusedEverywhereAsync(bob.Token);
        await AssertStillDeliveringAsync(carolStream, carol);
    }

    [Fact]
    public async Task Sign_out_ends_every_session_and_its_streams_and_keeps_the_account()
    {
        var (bob, carol) = (await _server.Spec.NewUserAsync("bob"), await _server.Spec.NewUserAsync("carol"));
        var phone = await _server.Spec.LoginAsync(bob.Username);
        await using var streams = await OpenStreamsAsync(bob);
        await using var phoneStream = await SseStream.OpenAsync(_server, phone.Token);
        await using var carolStream = await SseStream.OpenAsync(_server, carol.Token);

        var signOut = await RunAdminAsync(null, "users", "sign-out", bob.Username);

        Assert.Equal($"signed {bob.Username} out: 2 session(s) ended", signOut.Trim());
        await streams.AssertBothEndAsync(output, "sign-out");
        await phoneStream.AssertEndsAsync(Promptly);
        await AssertRefusedEverywhereAsync(bob.Token);
        await AssertRefusedEverywhereAsync(phone.Token);
        await AssertStillDeliveringAsync(carolStream, carol);
        await _server.Spec.LoginAsync(bob.Username); // the password still works: only the sessions ended
    }

    [Fact]
    public async Task Sessions_lists_creation_last_use_and_expiry_of_each_live_session_and_never_a_token()
    {
        var before = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()); // stored to the second
        var bob = await _server.Spec.NewUserAsync("bob");
        var phone = await _server.Spec.LoginAsync(bob.Username);
        var after = DateTimeOffset.UtcNow;

        var listed = await RunAdminAsync(null, "users", "sessions", bob.Username);
        var missing = await RunProcessAsync(null, "users", "sessions", "nobody");

        var lines = listed.Trim().Split('\n');
        Assert.Equal(["CREATED (UTC)", "LAST USED (UTC)", "EXPIRES (UTC)"],
            lines[0].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(3, lines.Length);
        foreach (var row in lines[1..])
        {
            var times = row.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => DateTimeOffset.Parse(t + "Z")).ToArray();
            Assert.Equal(3, times.Length);
            var (created, lastUsed, expires) = (times[0], times[1], times[2]);
            Assert.InRange(created, before, after); // the time of the login (or registration's first login) itself
            Assert.InRange(lastUsed, created, after);
            Assert.Equal(TimeSpan.FromSeconds(_server.Config.TokenTtlSeconds), expires - lastUsed);
        }
        foreach (var secret in new[] { bob.Token, phone.Token, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(bob.Token))) })
            Assert.DoesNotContain(secret[..16], listed, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((1, "error: user not found"), (missing.ExitCode, missing.Stderr.Trim()));

        await RunAdminAsync(null, "users", "sign-out", bob.Username);
        Assert.Single((await RunAdminAsync(null, "users", "sessions", bob.Username)).Trim().Split('\n')); // the header alone
    }

    private async Task<OpenStreams> OpenStreamsAsync(TestUser user)
    {
        var sse = await SseStream.OpenAsync(_server, user.Token);
        var grpc = new EventsRpc.EventsClient(_server.Channel).Subscribe(new Empty(), GrpcCalls.Bearer(user.Token));
        await grpc.ResponseHeadersAsync.WaitAsync(SseStream.Patience);
        return new OpenStreams(sse, grpc);
    }

    // The spec's answer to a token that is no longer valid: 401 AUTH_TOKEN_EXPIRED, gRPC UNAUTHENTICATED with that code.
    private async Task AssertRefusedEverywhereAsync(string token)
    {
        await _server.Spec.AssertTokenDeadAsync(token);
        await GrpcCalls.AssertRefusedAsync(async () => await new Accounts.AccountsClient(_server.Channel).GetMeAsync(new Empty(), GrpcCalls.Bearer(token)),
            StatusCode.Unauthenticated, ErrorCode.AuthTokenExpired, "invalid or expired token");
        var reconnect = await _server.Spec.GetAsync("/api/v1/events", token);
        await SpecClient.AssertErrorAsync(reconnect, System.Net.HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired);
    }

    private async Task AssertStillDeliveringAsync(SseStream stream, TestUser user)
    {
        var marker = GroupId.New();
        _server.Services.GetRequiredService<IEventSink>().Publish(new GroupDeletedEvent(marker), [new UserId(user.Guid)]);
        Assert.Equal(marker.Value, new Guid((await stream.NextEventAsync()).GroupDeleted.GroupId.Span, bigEndian: true));
    }

    private async Task<string> RunAdminAsync(string? input, params string[] command)
    {
        var run = await RunProcessAsync(input, command);
        Assert.True(run.ExitCode == 0, $"admin {string.Join(' ', command)} exited with {run.ExitCode}: {run.Stderr}");
        return run.Stdout;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string? input, params string[] command)
    {
        await using var process = ServerProcess.Start(_folder.Path, null, ["--config", _config, "admin", .. command]);
        if (input is not null) await process.Stdin.WriteAsync(input);
        process.Stdin.Close();
        var exitCode = await process.ExitCodeAsync();
        return (exitCode, process.Stdout, process.Stderr);
    }

    private sealed record OpenStreams(SseStream Sse, AsyncServerStreamingCall<ServerEvent> Grpc) : IAsyncDisposable
    {
        /// <summary>Both streams end within <see cref="Promptly"/> of the admin command's exit; prints how long each took.</summary>
        public async Task AssertBothEndAsync(ITestOutputHelper output, string command)
        {
            var started = Stopwatch.GetTimestamp();
            var sseDelay = await Sse.AssertEndsAsync(Promptly);
            using var patience = new CancellationTokenSource(Promptly - Stopwatch.GetElapsedTime(started));
            bool more;
            try
            {
                more = await Grpc.ResponseStream.MoveNext(patience.Token);
            }
            catch (RpcException) when (patience.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"the gRPC stream was still open {Promptly} after {command}");
            }
            Assert.False(more, "the gRPC stream delivered an event instead of ending");
            output.WriteLine($"after admin {command}: SSE ended in {sseDelay.TotalMilliseconds:F0} ms, gRPC in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        }

        public async ValueTask DisposeAsync()
        {
            await Sse.DisposeAsync();
            Grpc.Dispose();
        }
    }
}
