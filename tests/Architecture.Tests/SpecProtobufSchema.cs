using System.Text.RegularExpressions;

namespace Conclave.Architecture.Tests;

/// <summary>
/// The messages and enums of the ```protobuf blocks of a markdown page, each as the set of its members written
/// "[repeated |optional |oneof NAME ]TYPE name = N" (fields) or "NAME = N" (enum values), keyed "message X" / "enum X".
/// Enough proto3 for the spec's schema; anything else in a block fails loudly.
/// </summary>
public static partial class SpecProtobufSchema
{
    [GeneratedRegex(@"```protobuf\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"^(message|enum|oneof)\s+(\w+)\s*\{\s*(\})?$")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^(repeated\s+|optional\s+)?([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*;$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^(\w+)\s*=\s*(-?\d+)\s*;$")]
    private static partial Regex EnumValueLine();

    public static Dictionary<string, HashSet<string>> Parse(string markdown)
    {
        var types = new Dictionary<string, HashSet<string>>();
        foreach (Match block in Block().Matches(markdown.ReplaceLineEndings("\n")))
        {
            var scopes = new Stack<(string Kind, string Name)>();
            foreach (var raw in block.Groups[1].Value.Split('\n'))
            {
                var line = (raw.IndexOf("//", StringComparison.Ordinal) is var comment and >= 0 ? raw[..comment] : raw).Trim();
                if (line.Length == 0 || line.StartsWith("syntax", StringComparison.Ordinal) || line.StartsWith("package", StringComparison.Ordinal)) continue;
                if (Opening().Match(line) is { Success: true } opening)
                {
                    var (kind, name) = (opening.Groups[1].Value, opening.Groups[2].Value);
                    if (kind == "oneof") scopes.Push((kind, name));
                    else
                    {
                        var outer = scopes.FirstOrDefault(s => s.Kind == "message").Name;
                        var qualified = outer is null ? name : $"{outer}.{name}";
                        types.Add($"{kind} {qualified}", []);
                        if (!opening.Groups[3].Success) scopes.Push((kind, qualified));
                    }
                }
                else if (line == "}") scopes.Pop();
                else Add(types, scopes, line);
            }
            if (scopes.Count > 0) throw new FormatException($"unclosed {scopes.Peek().Kind} {scopes.Peek().Name}");
        }
        return types;
    }

    private static void Add(Dictionary<string, HashSet<string>> types, Stack<(string Kind, string Name)> scopes, string line)
    {
        if (scopes.Count == 0) throw new FormatException($"outside any message or enum: {line}");
        var (kind, name) = scopes.Peek();
        if (kind == "enum" && EnumValueLine().Match(line) is { Success: true } value)
        {
            types[$"enum {name}"].Add($"{value.Groups[1].Value} = {value.Groups[2].Value}");
            return;
        }
        if (FieldLine().Match(line) is not { Success: true } field) throw new FormatException($"not understood in {kind} {name}: {line}");
        var label = kind == "oneof" ? $"oneof {name} " : field.Groups[1].Success ? field.Groups[1].Value.Trim() + " " : "";
        var message = kind == "oneof" ? scopes.First(s => s.Kind == "message").Name : name;
        types[$"message {message}"].Add($"{label}{field.Groups[2].Value} {field.Groups[3].Value} = {field.Groups[4].Value}");
    }
}
