using System.Text.RegularExpressions;

namespace Conclave.Api.IntegrationTests.Docs;

/// <summary>
/// docs/clients.md as the tests read it: every fenced block follows a marker, <c>&lt;!-- run: NAME --&gt;</c>
/// (a shell block of quick-start NAME; "setup" comes first in each), <c>&lt;!-- file: PATH --&gt;</c> (a file of the
/// repository, shown whole) or <c>&lt;!-- not run: NAME --&gt;</c> (commands the tests do not run, said so in the text).
/// </summary>
public sealed partial class ClientsDoc
{
    public const string SetupName = "setup";

    [GeneratedRegex(@"^<!-- (?<kind>run|file|not run): (?<name>\S+) -->\n```(?<language>\w+)\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();

    [GeneratedRegex(@"^```\w", RegexOptions.Multiline)]
    private static partial Regex AnyBlock();

    private ClientsDoc(string root, string text)
    {
        Root = root;
        Blocks = [.. MarkedBlock().Matches(text).Select(m => new Block(m.Groups["kind"].Value, m.Groups["name"].Value, m.Groups["language"].Value, m.Groups["code"].Value))];
        BlockCount = AnyBlock().Matches(text).Count;
    }

    public string Root { get; }
    public IReadOnlyList<Block> Blocks { get; }
    /// <summary>Every fenced block with a language, marked or not.</summary>
    public int BlockCount { get; }

    public static ClientsDoc Load()
    {
        var root = RepositoryPaths.Root;
        return new ClientsDoc(root, File.ReadAllText(Path.Combine(root, "docs", "clients.md")).ReplaceLineEndings("\n"));
    }

    /// <summary>The setup block, then the blocks of one quick-start in the order of the document.</summary>
    public string Script(string name)
    {
        var blocks = Blocks.Where(b => b.Kind == "run" && b.Name == name).ToList();
        Assert.NotEmpty(blocks);
        return string.Join("\n", Blocks.Where(b => b.Kind == "run" && b.Name == SetupName).Concat(blocks).Select(b => b.Code));
    }

    public sealed record Block(string Kind, string Name, string Language, string Code);
}
