namespace Conclave.Interop.Tests.Support;

/// <summary>Where the repository's interop/ suite and the server build used by it are.</summary>
public static class RepositoryPaths
{
    public static string Interop => Path.Combine(Root, "interop");

    /// <summary>The server build copied next to these tests by the project reference.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Conclave.Api.dll");

    private static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Conclave.sln"))) return folder.FullName;
            }
            throw new InvalidOperationException($"no Conclave.sln above {AppContext.BaseDirectory}");
        }
    }
}
