using Conclave.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Conclave.Infrastructure.Sqlite.Schema;

// Used only by `dotnet ef migrations add`.
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ConclaveDbContext>
{
    public ConclaveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ConclaveDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
