using Conclave.Api.Http;
using Grpc.AspNetCore.Server;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conclave.Api.Discovery;

/// <summary>Marks every operation but the anonymous ones (register, login, ...) as needing the session token.</summary>
internal sealed class TokenRequirement(RpcCatalog catalog) : IOperationFilter
{
    public const string SchemeName = "token";

    private static readonly OpenApiSecurityRequirement Requirement = new()
    {
        [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = SchemeName } }] = [],
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<GrpcMethodMetadata>().Single().Method;
        if (catalog.Find(method.FullName) is not { Anonymous: true }) operation.Security = [Requirement];
    }
}
