using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conclave.Api.Discovery;

/// <summary>Marks bytes fields (ids, MLS blobs) as base64 strings, "format": "byte", as the JSON surface spells them.</summary>
internal sealed class BytesFormat : ISchemaFilter
{
    public void Apply(OpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(IMessage).IsAssignableFrom(context.Type) || schema.Properties is null) return;
        var descriptor = (MessageDescriptor)context.Type.GetProperty("Descriptor")!.GetValue(null)!;
        foreach (var field in descriptor.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.Bytes))
        {
            if (!schema.Properties.TryGetValue(field.JsonName, out var property)) continue;
            (field.IsRepeated ? property.Items : property).Format = "byte";
        }
    }
}
