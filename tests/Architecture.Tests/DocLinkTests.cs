using System.Text.RegularExpressions;

namespace Conclave.Architecture.Tests;

// The documents lead only to what a clone of the repository has, or to the public spec at the revision we implement:
// a relative link resolves to a file or folder inside the repository (../shared/spec did not, for anyone who cloned it).
public sealed partial class DocLinkTests
{
    private const string PublicRepository = "https://github.com/k4yt3x/conclave/";
    private const string Revision = "https://github.com/k4yt3x/conclave/tree/7efcf75/";

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [Fact]
    public void Every_link_in_the_documents_leads_inside_the_repository_or_to_the_spec_at_our_revision()
    {
        var root = RepositoryPaths.Root;
        var documents = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "node_modules" or "bin" or "obj" || part.StartsWith('.')))
            .ToList();

        var wrong = new List<string>();
        foreach (var document in documents)
        {
            var text = File.ReadAllText(document);
            var name = Path.GetRelativePath(root, document);
            if (text.Contains("../shared", StringComparison.Ordinal)) wrong.Add($"{name}: names ../shared, which a clone does not have");
            foreach (var target in Link().Matches(text).Select(match => match.Groups[1].Value))
            {
                if (target.StartsWith(PublicRepository, StringComparison.Ordinal) && !target.StartsWith(Revision, StringComparison.Ordinal))
                    wrong.Add($"{name}: {target} is not at the revision we implement ({Revision})");
                var path = target.Split('#')[0];
                if (path.Length == 0 || path.Contains("://", StringComparison.Ordinal) || path.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, Uri.UnescapeDataString(path)));
                if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
                    wrong.Add($"{name}: {target} leads nowhere in the repository");
            }
        }
        Assert.Contains(Path.Combine(root, "README.md"), documents);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
