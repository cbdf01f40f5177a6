using System.Text.RegularExpressions;

namespace Conclave.Architecture.Tests;

// docs/compatibility.md promises a test for every deliberate deviation: each test it names must exist.
public sealed partial class CompatibilityDocTests
{
    [GeneratedRegex(@"`([A-Za-z.]+Tests/[A-Za-z/]+Tests)`")]
    private static partial Regex TestReference();

    [Fact]
    public void Every_test_named_in_the_compatibility_table_exists()
    {
        var root = RepositoryPaths.Root;
        var rows = File.ReadLines(Path.Combine(root, "docs", "compatibility.md"))
            .Where(line => line.StartsWith('|'))
            .Skip(2) // the header and its separator
            .ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            var names = TestReference().Matches(row.Split('|')[^2]).Select(match => match.Groups[1].Value).ToList();
            Assert.True(names.Count > 0, $"no test named in: {row}");
            Assert.All(names, name => Assert.True(File.Exists(Path.Combine(root, "tests", name + ".cs")), $"{name} does not exist"));
        });
    }
}
