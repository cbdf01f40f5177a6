namespace Conclave.Architecture.Tests;

/// <summary>
/// The specification the spec-comparing tests read: the folder named by CONCLAVE_SPEC_DIR, else shared/spec beside the
/// repository or beside any folder above it (a git worktree nested deeper). Without it those tests are skipped, saying
/// how to get it; under CI=true they fail instead, so CI never passes without comparing.
/// </summary>
public static class SpecFiles
{
    public const string Variable = "CONCLAVE_SPEC_DIR";
    private const string Public = "https://github.com/k4yt3x/conclave/tree/7efcf75/docs/spec/src";

    private static readonly Lazy<string?> Folder = new(Find);

    /// <summary>The spec's file at <paramref name="parts"/>; skips the calling test (fails it under CI) when it is absent.</summary>
    public static string Path(params string[] parts)
    {
        var relative = System.IO.Path.Combine(parts);
        var missing = Folder.Value is null
            ? $"the spec is not here: set {Variable} to a copy of {Public}, or put it at ../shared/spec beside the repository (README.md, The two commands)"
            : File.Exists(System.IO.Path.Combine(Folder.Value, relative)) ? null
            : relative == "CLARIFICATIONS.md" ? $"CLARIFICATIONS.md is not in the spec at {Folder.Value}: it has no public copy, it comes with the team's shared/spec"
            : $"{relative} is not in the spec at {Folder.Value} (it is {Public}/{relative})";
        if (missing is null) return System.IO.Path.Combine(Folder.Value!, relative);
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{missing} (CI=true: the spec-comparing tests must run)");
        throw new SkipException(missing);
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
            return Directory.Exists(named) ? System.IO.Path.GetFullPath(named) : throw new InvalidOperationException($"{Variable}={named} is not a folder");
        for (var folder = Directory.GetParent(RepositoryPaths.Root); folder is not null; folder = folder.Parent)
        {
            var spec = System.IO.Path.Combine(folder.FullName, "shared", "spec");
            if (Directory.Exists(spec)) return spec;
        }
        return null;
    }
}
