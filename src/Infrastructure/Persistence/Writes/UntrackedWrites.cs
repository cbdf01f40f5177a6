using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Conclave.Infrastructure.Persistence.Writes;

/// <summary>
/// Marks a context that ran a write the change tracker does not see (ExecuteDelete, ExecuteUpdate, raw SQL), so that
/// its unit of work counts it as an <see cref="WriteKind.Access"/> write: what such a statement touched is not known.
/// </summary>
internal sealed class UntrackedWrites : DbCommandInterceptor
{
    public static readonly UntrackedWrites Instance = new();

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData);
        return result;
    }

    private static void Mark(CommandEventData eventData)
    {
        if (eventData.Context is ConclaveDbContext db && eventData.CommandSource is CommandSource.ExecuteDelete or CommandSource.ExecuteUpdate or CommandSource.ExecuteSqlRaw)
            db.RanUntrackedWrite = true;
    }
}
