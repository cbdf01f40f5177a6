using System.Net;
using System.Text;
using Conclave.Api.Http;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Xunit.Abstractions;

namespace Conclave.Api.IntegrationTests.HostileInput;

// Invalid UUIDs in paths and wrong content types on every route of the RpcCatalog.
public sealed class HostileRequestTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    private static readonly string[] KnownBadIds =
    [
        "", "x", "0", "{}", "null", "undefined", "-1", "550e8400e29b41d4a71644665544000", "550e8400e29b41d4a7164466554400000",
        "(550e8400-e29b-41d4-a716-446655440000)", "{0x550e8400,0xe29b,0x41d4,{0xa7,0x16,0x44,0x66,0x55,0x44,0x00,0x00}}",
        " 550e8400-e29b-41d4-a716-446655440000", "550e8400-e29b-41d4-a716-446655440000 ", "URN:UUID:550e8400-e29b-41d4-a716-446655440000",
        "550e8400-e29b41d4-a716-4466554400000", "550e8400-e29b-41d4-a716-44665544000g", "550e8400\u2010e29b\u201041d4\u2010a716\u2010446655440000",
        "' OR '1'='1", "%", "%%", "%zz", "..%2f..%2fetc", "\u00e9", "😀", new string('a', 4000),
    ];

    private static readonly Gen<string> RandomIds = Gen.Frequency(
        (3, Gen.Choose(0, 60).SelectMany(length => Gen.ArrayOf(Gen.Elements("0123456789abcdefABCDEF-{}:urnid".ToCharArray()), length)).Select(c => new string(c))),
        (2, Gen.Choose(0, 40).SelectMany(length => Gen.ArrayOf(Gen.Choose(1, 0xD7FF).Select(c => (char)c), length)).Select(c => new string(c))));

    [Fact]
    public async Task Invalid_uuids_in_paths_are_400_errors_after_authentication()
    {
        var run = await FuzzRun.StartAsync(fixture, output);
        var generated = RandomIds.Sample(FuzzSettings.InputsPerRoute / 3, new Rnd(FuzzSettings.Seed), 30);
        await run.ForEachTargetAsync(async target =>
        {
            foreach (var variable in target.Route.PathFields.Select(f => f.Name).Where(name => name.EndsWith("_id", StringComparison.Ordinal)))
            {
                foreach (var text in KnownBadIds.Concat(generated).Where(text => text is not ("." or "..")))
                {
                    var path = target.Path(new Dictionary<string, string> { [variable] = Uri.EscapeDataString(text) });
                    using var response = await run.SendAsync(target, $"{variable}={Truncated(text)}", path, null);
                    if (response is null) continue;
                    if (await ResponseRules.ProblemAsync(response) is { } problem) run.Report(target, $"{variable}={Truncated(text)}", problem);
                    else if (!UuidText.TryParse(text, out _) && text.Length > 0 && response.StatusCode != HttpStatusCode.BadRequest)
                        run.Report(target, $"{variable}={Truncated(text)}", $"expected 400, got {(int)response.StatusCode}");
                }
            }
        });
        await run.FinishAsync("invalid path ids");
    }

    [Fact]
    public async Task An_encoded_nul_in_a_path_is_refused_by_kestrel_with_a_bare_400()
    {
        var user = await fixture.Server.Spec.NewUserAsync();

        using var response = await fixture.Server.Spec.GetAsync("/api/v1/users/by-id/%00", user.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // CLARIFICATIONS §2.3: outside the application's reach
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private static readonly string?[] NonJsonContentTypes =
    [
        null, "text/plain", "application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
        "application/x-protobuf; charset=utf-8", "application/grpc", "text/event-stream", "garbage", ";;;=",
    ];

    [Fact]
    public async Task Any_non_json_content_type_is_served_as_protobuf()
    {
        var run = await FuzzRun.StartAsync(fixture, output);
        await run.ForEachTargetAsync(async target =>
        {
            var body = RandomMessages.Create(target.ReadsBody ? target.Route.BodyDescriptor : Google.Protobuf.WellKnownTypes.Empty.Descriptor,
                new Random(42), target.KnownIds).ToByteArray();
            foreach (var contentType in NonJsonContentTypes)
                await run.CheckAsync(target, $"Content-Type {contentType ?? "(none)"}", target.Path(), body, contentType);
        });
        await run.FinishAsync("non-JSON content types");
    }

    [Fact]
    public async Task Hostile_json_gets_a_status_json_refusal_holding_an_error_response_never_a_5xx()
    {
        var run = await FuzzRun.StartAsync(fixture, output);
        byte[][] bodies =
        [
            [0x0A, 0x03, 0x61, 0x62, 0x63], // protobuf sent as JSON
            "{}"u8.ToArray(), "[]"u8.ToArray(), "null"u8.ToArray(), "{"u8.ToArray(), [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D],
            Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)),
            Encoding.UTF8.GetBytes("{\"userIds\": [" + string.Join(',', Enumerable.Repeat("\"AAAAAAAAAAAAAAAAAAAAAA==\"", 40_000)) + "]}"),
            "{\"alias\": 5, \"username\": {}, \"groupName\": [1], \"visibility\": \"LOUD\", \"messageExpirySeconds\": \"1e999\"}"u8.ToArray(),
            "{\"userId\": \"not base64!\", \"mlsMessage\": \"%%%\"}"u8.ToArray(),
        ];
        await run.ForEachTargetAsync(async target =>
        {
            for (var i = 0; i < bodies.Length; i++)
            {
                using var response = await run.SendAsync(target, $"json #{i}", target.Path(), bodies[i], "application/json");
                if (response is not null && await JsonProblemAsync(response) is { } problem) run.Report(target, $"json #{i}", problem);
            }
        });
        await run.FinishAsync("hostile JSON");
    }

    // The JSON surface refuses with google.rpc.Status JSON whose details hold the ErrorResponse (docs/compatibility.md).
    private static async Task<string?> JsonProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"{status}: {await response.Content.ReadAsStringAsync()}";
        if (status < 400) return null;
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            var registry = TypeRegistry.FromMessages(ErrorResponse.Descriptor);
            var rpcStatus = new JsonParser(JsonParser.Settings.Default.WithTypeRegistry(registry)).Parse<Google.Rpc.Status>(text);
            if (rpcStatus.Details.Count != 1) return $"{status} {rpcStatus}";
            var error = rpcStatus.Details.Single().Unpack<ErrorResponse>();
            return ResponseRules.Problem(status, error);
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidOperationException or InvalidJsonException)
        {
            return $"{status} whose body is no Status JSON with an ErrorResponse: {text[..Math.Min(text.Length, 200)]}";
        }
    }

    private static string Truncated(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
