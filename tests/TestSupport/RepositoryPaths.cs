namespace Conclave.TestSupport;

/// <summary>The repository: the folder holding Conclave.sln above the test assembly.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Conclave.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Conclave.sln not found above the test assembly");
    }
}
