using Conclave.Api.Configuration;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Files;

namespace Conclave.Api.Admin;

// Not through AdminHost, which would create or migrate the database: a backup reads it as it is, also one an older
// build still serves.
internal static class BackupCommand
{
    public static async Task<int> RunAsync(ServerConfig config, string backupPath, AdminConsole console)
    {
        if (File.Exists(backupPath) || Directory.Exists(backupPath))
            return Refuse(console, $"{backupPath} exists; a backup is written only to a new file");
        if (!File.Exists(config.DatabasePath)) return Refuse(console, $"no database at {config.DatabasePath}");
        try
        {
            var backup = await DatabaseBackup.WriteAsync(config.DatabasePath, backupPath, CancellationToken.None);
            console.Out.WriteLine($"backed up {config.DatabasePath} to {backupPath}: {AdminReports.Number(backup.Bytes)} bytes, " +
                                  $"integrity_check ok, latest migration {backup.LatestMigration}");
            return AdminCli.Done;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Refuse(console, failure.Message);
        }
    }

    private static int Refuse(AdminConsole console, string reason)
    {
        console.Error.WriteLine($"error: {reason}");
        return AdminCli.Refused;
    }
}
