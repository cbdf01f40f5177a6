using Conclave.ApiReference;

namespace Conclave.Architecture.Tests;

// docs/api.md is generated from the service protos: the committed file must be what the generator writes now.
public sealed class ApiReferenceDocTests
{
    [Fact]
    public void The_committed_api_reference_is_what_the_protos_generate()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "api.md");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        var generated = ApiReferenceDocument.Render(committed);

        var committedLines = committed.Split('\n');
        var generatedLines = generated.Split('\n');
        var first = Enumerable.Range(0, Math.Max(committedLines.Length, generatedLines.Length))
            .FirstOrDefault(i => i >= committedLines.Length || i >= generatedLines.Length || committedLines[i] != generatedLines[i], -1);
        if (first >= 0)
            Assert.Fail($"docs/api.md is stale (first difference at line {first + 1}: committed \"{Line(committedLines, first)}\", " +
            $"generated \"{Line(generatedLines, first)}\"); regenerate it with `{ApiReferenceDocument.Command}` from the repository root");
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index] : "(end of file)";
}
