using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace Conclave.Api.Configuration;

/// <summary>
/// A TOML configuration file (the reference's format) turned into the JSON object <see cref="ConfigLoader"/> reads, so
/// one set of field readers and one validator serve both formats. TOML's strings, integers, booleans and arrays become
/// their JSON counterparts; its floats, dates and times and tables, which no field takes, become an empty JSON object,
/// which every field refuses as the wrong type.
/// </summary>
internal static class TomlConfigFile
{

    /// <exception cref="ConfigurationException">The text is not valid TOML.</exception>
    public static JsonDocument Parse(string text, string path)
    {
        TomlTable table;
        try
        {
            // The strict parse refuses what TOML forbids but the table reader lets through: a key given twice (the
            // reader keeps the last, whatever its DuplicateKeyHandling says).
            SyntaxParser.ParseStrict(text, sourceName: "");
            table = TomlSerializer.Deserialize<TomlTable>(text)!;
        }
        catch (TomlException invalid)
        {
            throw new ConfigurationException($"configuration file '{path}' is not valid TOML: {FirstLine(invalid.Message)}");
        }
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, value) in table)
            {
                json.WritePropertyName(key);
                Write(json, value);
            }
            json.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case string text: json.WriteStringValue(text); break;
            case long integer: json.WriteNumberValue(integer); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case TomlArray array:
                json.WriteStartArray();
                foreach (var item in array) Write(json, item);
                json.WriteEndArray();
                break;
            default:
                json.WriteStartObject();
                json.WriteEndObject();
                break;
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
