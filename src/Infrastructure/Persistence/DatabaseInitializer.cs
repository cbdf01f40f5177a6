using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence;

/// <summary>Creates the database file and its folder if missing, switches it to WAL and applies the migrations.</summary>
public sealed class DatabaseInitializer(ConclaveDbContext db)
{
    public async Task InitializeAsync(string databasePath, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }
}
