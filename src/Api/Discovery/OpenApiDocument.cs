using Conclave.Api.Configuration;
using Google.Protobuf.WellKnownTypes;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Writers;
using Swashbuckle.AspNetCore.Swagger;

namespace Conclave.Api.Discovery;

/// <summary>
/// With openapi_enabled, GET /openapi/v1.json serves the OpenAPI 3 document of the JSON surface: every annotated RPC
/// at its spec path, described from the services by JSON transcoding. The HTTP/protobuf surface shares the paths.
/// </summary>
internal static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";
    private const string DocumentName = "v1";

    public static void AddOpenApiDocument(this IServiceCollection services, ServerConfig config)
    {
        if (!config.OpenApiEnabled) return;
        services.AddGrpcSwagger();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Conclave server, JSON surface",
                Version = DocumentName,
                Description = "The spec routes with JSON bodies (Content-Type or Accept: application/json). "
                    + "The same paths take application/x-protobuf bodies; see docs/api.md and docs/clients.md.",
            });
            options.AddSecurityDefinition(TokenRequirement.SchemeName, TokenSchemeFor(config));
            options.OperationFilter<TokenRequirement>();
            options.SchemaFilter<BytesFormat>();
            // In JSON a google.protobuf.Value (inside error details) is any JSON value, not the C# class behind it.
            options.MapType<Value>(() => new OpenApiSchema());
            options.CustomOperationIds(description => MethodOf(description) is { } method ? $"{method.Service.Name}_{method.Name}" : null);
        });
    }

    public static void MapOpenApiDocument(this IEndpointRouteBuilder endpoints, ServerConfig config)
    {
        if (config.OpenApiEnabled) endpoints.MapGet(Path, WriteAsync);
    }

    // Standard mode is a bearer token in Authorization; any other auth_header carries the raw token (CLARIFICATIONS §4.1).
    private static OpenApiSecurityScheme TokenSchemeFor(ServerConfig config) =>
        string.Equals(config.AuthHeader, "Authorization", StringComparison.OrdinalIgnoreCase)
            ? new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The session token from login." }
            : new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = config.AuthHeader,
                Description = "The session token from login, as the whole header value.",
            };

    /// <summary>The RPC an operation transcodes (every operation of the document has one).</summary>
    public static MethodDescriptor? MethodOf(ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().SingleOrDefault()?.MethodDescriptor;

    private static async Task WriteAsync(HttpContext context)
    {
        var document = context.RequestServices.GetRequiredService<ISwaggerProvider>().GetSwagger(DocumentName);
        await using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        document.SerializeAsV3(new OpenApiJsonWriter(text));
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
