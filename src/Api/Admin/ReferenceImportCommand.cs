using System.Diagnostics;
using System.Globalization;
using Conclave.Api.Configuration;
using Conclave.Api.Plugins;
using Conclave.Infrastructure.Sqlite;
using Conclave.Infrastructure.Sqlite.Files;
using Conclave.Infrastructure.Sqlite.ReferenceImport;

namespace Conclave.Api.Admin;

/// <summary>
/// <c>admin import-reference SOURCE.db [--into PATH]</c>: a reference server's database into the configured one, or
/// into a new file. All or nothing: a refused import leaves the target as it was, and a target it created is removed.
/// </summary>
internal static class ReferenceImportCommand
{
    public const string Usage = "import-reference SOURCE.db [--into PATH]";

    public static async Task<int> RunAsync(ServerConfig config, string source, IReadOnlyList<string> options, AdminConsole console)
    {
        string? into = null;
        if (options is ["--into", var path]) into = path;
        else if (options is not [])
        {
            console.Error.WriteLine($"unknown admin command 'import-reference {source} {string.Join(' ', options)}'");
            console.Error.WriteLine(AdminCli.Usage);
            return AdminCli.UsageError;
        }
        var target = into ?? config.DatabasePath;
        if (Path.GetFullPath(target) == Path.GetFullPath(source))
        {
            console.Error.WriteLine($"error: '{source}' is the target itself: import into a new file with --into NEW.db and set database_path to it");
            return AdminCli.Refused;
        }
        var created = !File.Exists(target);
        var stopwatch = Stopwatch.StartNew();
        AdminHost host;
        try
        {
            host = await AdminHost.OpenAsync(config with { DatabasePath = target });
        }
        catch (Exception unusable) when (unusable is PluginLoadException or ForeignDatabaseException)
        {
            console.Error.WriteLine($"cannot start: {unusable.Message}");
            return AdminCli.Refused;
        }
        ImportReport report;
        try
        {
            await using (host)
            {
                report = await host.GetRequiredService<ReferenceImporter>().ImportAsync(source, console.Out.WriteLine, CancellationToken.None);
            }
        }
        catch (ImportRefusedException refused)
        {
            if (created) RemoveDatabase(target);
            console.Error.WriteLine($"error: {refused.Message}");
            return AdminCli.Refused;
        }
        console.Out.WriteLine($"imported '{source}' into '{target}' in {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        TextTable.Write(console.Out, ["WHAT", "COUNT"],
            report.Counts.Select(count => new[] { count.Kind, count.Rows.ToString(CultureInfo.InvariantCulture) }));
        return AdminCli.Done;
    }

    // The file this command created, with what SQLite and the server put beside it.
    private static void RemoveDatabase(string path)
    {
        SqliteStorage.CloseIdleConnections();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal", "-access" }) File.Delete(path + suffix);
    }
}
