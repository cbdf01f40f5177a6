using Conclave.Api.Http;
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
        if (OpenApiDocument.MethodOf(context.ApiDescription) is { } method && catalog.Find($"/{method.Service.FullName}/{method.Name}") is not { Anonymous: true })
            operation.Security = [Requirement];
    }
}
