namespace Conclave.Architecture.Tests;

/// <summary>The repository (the folder holding Conclave.sln above the test assembly) and the spec beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// ../shared/spec from the repository root, as CI lays it out; from a git worktree nested deeper, the nearest
    /// ancestor with a shared/spec folder.
    /// </summary>
    public static string Spec { get; } = FindSpec();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Conclave.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Conclave.sln not found above the test assembly");
    }

    private static string FindSpec()
    {
        for (var folder = Directory.GetParent(Root); folder is not null; folder = folder.Parent)
        {
            var spec = Path.Combine(folder.FullName, "shared", "spec");
            if (Directory.Exists(spec)) return spec;
        }
        throw new InvalidOperationException($"the spec is not at ../shared/spec beside {Root} (nor beside any folder above it)");
    }
}
