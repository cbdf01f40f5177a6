using Conclave.Api.Configuration;
using Conclave.Api.Http;
using Conclave.Api.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Docs;

// docs/clients.md is run, not just read: each quick-start's shell blocks, taken from the document, run with bash
// against a real server, and the program files it shows are the ones the gRPC quick-start builds and runs.
public sealed class ClientQuickStartTests
{
    private static readonly ClientsDoc Doc = ClientsDoc.Load();

    [Fact]
    public void Every_block_is_run_by_a_quick_start_or_is_a_file_of_the_repository()
    {
        Assert.Equal(Doc.BlockCount, Doc.Blocks.Count);
        Assert.All(Doc.Blocks.Where(b => b.Kind == "run"), b => Assert.Equal("sh", b.Language));
        Assert.Equal(["grpc", "json", "node", "protobuf", "setup", "sse"], Doc.Blocks.Where(b => b.Kind == "run").Select(b => b.Name).Distinct().Order());
        Assert.Equal(["go", "python"], Doc.Blocks.Where(b => b.Kind == "not run").Select(b => b.Name));
    }

    [Fact]
    public void The_files_shown_are_the_files_of_the_repository()
    {
        var files = Doc.Blocks.Where(b => b.Kind == "file").ToList();

        Assert.Equal(["docs/examples/GrpcQuickStart/GrpcQuickStart.csproj", "docs/examples/GrpcQuickStart/Program.cs",
            "docs/examples/node-grpc/package.json", "docs/examples/node-grpc/client.ts"], files.Select(f => f.Name));
        Assert.All(files, file => Assert.Equal(File.ReadAllText(Path.Combine(Doc.Root, file.Name)).ReplaceLineEndings("\n"), file.Code));
    }

    [Fact]
    public async Task The_protobuf_quick_start_registers_posts_reads_and_decodes_a_refusal()
    {
        var (stdout, stderr, _) = await RunAsync("protobuf");

        Assert.Matches(@"(?m)^username: ""alice_\d+""$", stdout);
        Assert.Matches(@"(?m)^group [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", stdout);
        Assert.Contains("sequence_num: 1\n", stdout);
        Assert.Contains("  mls_message: \"an MLS PrivateMessage, in a real client\"\n", stdout);
        Assert.EndsWith("message: \"missing Authorization header\"\nerror_code: ERROR_CODE_AUTH_HEADER_MISSING", stdout);
        Assert.Equal("HTTP 401", stderr);
    }

    [Fact]
    public async Task The_json_quick_start_reads_the_openapi_document_registers_posts_reads_and_shows_a_refusal()
    {
        var (stdout, stderr, routes) = await RunAsync("json", c => c with { OpenApiEnabled = true });

        Assert.StartsWith($"{routes}\n", stdout);
        Assert.Matches(@"""username"":""bob_\d+""", stdout);
        Assert.Contains("{\"sequenceNum\":1}", stdout);
        Assert.Contains($"\"mlsMessage\":\"{Convert.ToBase64String("hello, in a real client an MLS message"u8)}\"", stdout);
        Assert.Contains("\"errorCode\":\"ERROR_CODE_AUTH_HEADER_MISSING\"", stdout);
        Assert.Equal("HTTP 401", stderr);
    }

    [Fact]
    public async Task The_grpc_quick_start_builds_and_calls_subscribes_and_reads_an_event()
    {
        var (stdout, _, _) = await RunAsync("grpc", timeout: TimeSpan.FromMinutes(5)); // builds the example first

        Assert.Matches(@"(?m)^logged in as carol_\d+$", stdout);
        Assert.Matches(@"(?m)^created group [0-9a-f-]{36}$", stdout);
        Assert.Matches(@"(?m)^event GroupUpdate: .*""updateType"": ""GROUP_UPDATE_TYPE_GROUP_SETTINGS""", stdout);
        Assert.Matches(@"(?m)^refused: Unauthenticated, error code 202$", stdout); // ERROR_CODE_AUTH_TOKEN_EXPIRED
    }

    [Fact]
    public async Task The_typescript_quick_start_generates_typechecks_invites_receives_and_decodes_a_refusal()
    {
        var (stdout, _, _) = await RunAsync("node", timeout: TimeSpan.FromMinutes(5)); // npm ci, generate, tsc first

        Assert.Matches(@"(?m)^registered alice_\d+\nregistered bob_\d+\ncreated group [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", stdout);
        Assert.Matches(@"(?m)^bob's event: inviteReceived\nbob's event: welcome\nbob joined node_club_\d+\nbob's event: newMessage$", stdout);
        Assert.Matches(@"(?m)^alice sent #(\d+); bob read #\1: hello from Node\.js \(an MLS PrivateMessage, in a real client\)$", stdout);
        Assert.EndsWith("refused: PERMISSION_DENIED, error code 401\nErrorResponse: ERROR_CODE_GROUP_NOT_ADMIN \"only group admins can delete a group\"", stdout);
    }

    [Fact]
    public async Task The_sse_quick_start_waits_for_the_stream_and_decodes_its_event()
    {
        var (stdout, _, _) = await RunAsync("sse");

        Assert.StartsWith("HTTP/1.1 200 OK\n", stdout);
        Assert.Contains("Content-Type: text/event-stream\n", stdout);
        Assert.Matches(@"group_update \{\n  group_id: "".+""\n  update_type: GROUP_UPDATE_TYPE_GROUP_SETTINGS\n\}$", stdout);
    }

    /// <returns>What the quick-start printed, and how many routes the server has.</returns>
    private static async Task<(string Stdout, string Stderr, int Routes)> RunAsync(string quickStart, Func<ServerConfig, ServerConfig>? configure = null, TimeSpan? timeout = null)
    {
        await using var server = await TestServer.StartAsync(configure);
        var grpcPort = server.Services.GetRequiredService<Listeners>().Grpc!.IPEndPoint!.Port;
        var script = Path.Combine(Path.GetTempPath(), $"conclave-quick-start-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, "set -euo pipefail\n" + Doc.Script(quickStart));
        try
        {
            await using var bash = ServerProcess.StartProgram("bash", [script], Doc.Root, new Dictionary<string, string>
            {
                ["CONCLAVE_URL"] = $"http://127.0.0.1:{server.BaseAddress.Port}",
                ["CONCLAVE_GRPC_URL"] = $"http://127.0.0.1:{grpcPort}",
                ["PATH"] = $"{Protoc.Folder(Doc.Root)}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}",
            });
            bash.Stdin.Close();
            var exitCode = await bash.ExitCodeAsync(timeout ?? TimeSpan.FromMinutes(1));
            Assert.True(exitCode == 0, $"the {quickStart} quick-start exited with {exitCode}:\n{bash.Stdout}\n{bash.Stderr}");
            return (bash.Stdout.ReplaceLineEndings("\n").TrimEnd(), bash.Stderr.ReplaceLineEndings("\n").TrimEnd(),
                server.Services.GetRequiredService<RpcCatalog>().Routes.Count);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
