using Conclave.V1;
using Google.Protobuf.Reflection;

namespace Conclave.Architecture.Tests;

// proto/conclave/v1/conclave.proto is the spec's wire schema (docs/contract.md): every message, field (name, number,
// type, label) and enum value of the spec's appendices/protobuf-schema.md, and nothing else.
public sealed class WireSchemaTests
{
    [SkippableFact]
    public void The_conclave_v1_schema_matches_the_spec_field_by_field()
    {
        var spec = SpecProtobufSchema.Parse(File.ReadAllText(SpecFiles.Path("appendices", "protobuf-schema.md")));
        var ours = Describe(ConclaveReflection.Descriptor);

        var differences = new List<string>();
        foreach (var name in spec.Keys.Union(ours.Keys).Order(StringComparer.Ordinal))
        {
            if (!ours.TryGetValue(name, out var ourMembers)) differences.Add($"{name}: in the spec, missing from conclave.proto");
            else if (!spec.TryGetValue(name, out var specMembers)) differences.Add($"{name}: in conclave.proto, not in the spec");
            else
            {
                differences.AddRange(specMembers.Except(ourMembers).Select(m => $"{name}: the spec has `{m}`, conclave.proto does not"));
                differences.AddRange(ourMembers.Except(specMembers).Select(m => $"{name}: conclave.proto has `{m}`, the spec does not"));
            }
        }
        Assert.True(spec.Count > 0, "no ```protobuf block found in the spec");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    // The same shape SpecProtobufSchema reads from the markdown, from the compiled descriptors.
    private static Dictionary<string, HashSet<string>> Describe(FileDescriptor file)
    {
        var types = new Dictionary<string, HashSet<string>>();
        foreach (var message in file.MessageTypes) AddMessage(types, message);
        foreach (var enumType in file.EnumTypes) types[$"enum {enumType.Name}"] = [.. enumType.Values.Select(v => $"{v.Name} = {v.Number}")];
        return types;
    }

    private static void AddMessage(Dictionary<string, HashSet<string>> types, MessageDescriptor message)
    {
        types[$"message {message.FullName["conclave.v1.".Length..]}"] = [.. message.Fields.InFieldNumberOrder().Select(Field)];
        foreach (var nested in message.NestedTypes) AddMessage(types, nested);
        foreach (var enumType in message.EnumTypes)
            types[$"enum {enumType.FullName["conclave.v1.".Length..]}"] = [.. enumType.Values.Select(v => $"{v.Name} = {v.Number}")];
    }

    private static string Field(FieldDescriptor field)
    {
        var label = field.IsRepeated ? "repeated " : field.RealContainingOneof is { } oneof ? $"oneof {oneof.Name} " : field.HasPresence && field.FieldType != FieldType.Message ? "optional " : "";
        var type = field.FieldType switch
        {
            FieldType.Message => field.MessageType.Name,
            FieldType.Enum => field.EnumType.Name,
            _ => field.FieldType.ToString().ToLowerInvariant(),
        };
        return $"{label}{type} {field.Name} = {field.FieldNumber}";
    }
}
