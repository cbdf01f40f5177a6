using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conclave.Api.Http;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace Conclave.Api.IntegrationTests.Discovery;

// openapi_enabled: GET /openapi/v1.json describes the JSON surface, every annotated RPC at its spec path. Off by
// default; on or off, every other path answers as before.
public sealed class OpenApiDocumentTests
{
    private const string DocumentPath = "/openapi/v1.json";

    [Fact]
    public async Task Every_annotated_rpc_is_an_operation_at_its_method_and_path_and_nothing_else_is()
    {
        await using var server = await TestServer.StartAsync(c => c with { OpenApiEnabled = true });
        var routes = server.Services.GetRequiredService<RpcCatalog>().Routes;

        var document = await ReadAsync(server);

        var operations = document.Paths.SelectMany(path => path.Value.Operations.Select(o => (Path: path.Key, Method: o.Key.ToString().ToUpperInvariant(), Operation: o.Value))).ToList();
        Assert.Equal(routes.Count, operations.Count);
        foreach (var route in routes)
        {
            var (_, _, operation) = Assert.Single(operations, o => o.Path == JsonPathOf(route) && o.Method == route.HttpMethod);
            Assert.Equal($"{route.Method.Service.Name}_{route.Method.Name}", operation.OperationId);
            Assert.Equal(route.Body != BodyBinding.None, operation.RequestBody is not null);
            Assert.Equal(route.PathFields.Select(f => f.JsonName), operation.Parameters.Where(p => p.In == ParameterLocation.Path).Select(p => p.Name));
            var queryFields = route.Body == BodyBinding.None ? route.Method.InputType.Fields.InDeclarationOrder().Except(route.PathFields) : [];
            Assert.Equal(queryFields.Select(f => f.JsonName), operation.Parameters.Where(p => p.In == ParameterLocation.Query).Select(p => p.Name));
            Assert.Equal(route.Anonymous ? [] : ["token"], operation.Security.SelectMany(r => r.Keys).Select(s => s.Reference.Id));
        }
        Assert.Equal(SecuritySchemeType.Http, document.Components.SecuritySchemes["token"].Type);
    }

    [Fact]
    public async Task Messages_are_described_with_their_json_names_and_bytes_as_base64()
    {
        await using var server = await TestServer.StartAsync(c => c with { OpenApiEnabled = true });

        var document = await ReadAsync(server);

        var register = document.Paths["/api/v1/register"].Operations[OperationType.Post];
        Assert.Equal("RegisterRequest", register.RequestBody.Content["application/json"].Schema.Reference.Id);
        var schemas = document.Components.Schemas;
        Assert.Equal(["username", "password", "alias", "registrationToken"], schemas["RegisterRequest"].Properties.Keys);
        Assert.Equal(("string", "byte"), (schemas["RegisterResponse"].Properties["userId"].Type, schemas["RegisterResponse"].Properties["userId"].Format));
        Assert.Equal("byte", schemas["InviteToGroupRequest"].Properties["userIds"].Items.Format);
        Assert.Equal("Status", register.Responses["default"].Content["application/json"].Schema.Reference.Id);
    }

    [Fact]
    public async Task With_a_custom_auth_header_the_token_scheme_is_that_header()
    {
        await using var server = await TestServer.StartAsync(c => c with { OpenApiEnabled = true, AuthHeader = "X-Conclave-Token" });

        var scheme = (await ReadAsync(server)).Components.SecuritySchemes["token"];

        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header, "X-Conclave-Token"), (scheme.Type, scheme.In, scheme.Name));
    }

    [Fact]
    public async Task The_document_is_absent_by_default()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Http.GetAsync(DocumentPath);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound);
    }

    [Fact]
    public async Task When_served_near_miss_paths_stay_unknown_and_the_spec_surfaces_answer_as_before()
    {
        await using var server = await TestServer.StartAsync(c => c with { OpenApiEnabled = true });

        foreach (var path in new[] { "/openapi/v2.json", "/openapi/v1.json/", "/OpenAPI/v1.json", "/openapi", "/swagger/v1/swagger.json" })
        {
            using var unknown = await server.Http.GetAsync(path);
            await SpecClient.AssertErrorAsync(unknown, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound);
        }
        using (var post = await server.Http.PostAsync(DocumentPath, null))
            await SpecClient.AssertErrorAsync(post, HttpStatusCode.MethodNotAllowed, ErrorCode.InputBadRequest);
        var user = await server.Spec.NewUserAsync();
        using var json = await server.Http.PostAsJsonAsync("/api/v1/login", new { username = user.Username, password = "password123" });
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(await json.Content.ReadAsStringAsync())!["token"]!.GetValue<string>()));
    }

    // JSON transcoding names a path variable by its field's JSON name: {group_id} is {groupId}.
    private static string JsonPathOf(RpcRoute route) =>
        route.PathFields.Aggregate(route.PathTemplate, (path, field) => path.Replace($"{{{field.Name}}}", $"{{{field.JsonName}}}", StringComparison.Ordinal));

    private static async Task<OpenApiDocument> ReadAsync(TestServer server)
    {
        using var response = await server.Http.GetAsync(DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = new OpenApiStreamReader().Read(await response.Content.ReadAsStreamAsync(), out var diagnostic);
        Assert.Empty(diagnostic.Errors);
        Assert.Equal(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
        return document;
    }
}
