using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Infrastructure.Sqlite.Connections;
using Conclave.Infrastructure.Sqlite.Durability;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Lookups;

/// <summary>
/// The two reads every authenticated or group-scoped request makes before its handler (the session by token hash,
/// the caller's role in a group), as raw prepared statements on a few connections kept open: no EF query pipeline,
/// no connection open per query. Every call reads the database; what it answers is kept by its callers
/// (<see cref="KeptReads{TKey,TValue}"/>) only until the next write that may change it.
/// These reads do not wait for <see cref="WalFlush"/>: they decide, they answer nothing themselves. A request they
/// let through succeeds only after its handler's read or commit has waited until every write visible by then is
/// durable, which covers every write these reads could have seen. A refusal that rests on a write not yet durable
/// (a logout, a removal) errs on the safe side: had that write been lost, the caller would merely have been refused
/// once too early (docs/reliability.md, Readers).
/// </summary>
internal sealed class AccessLookups(string databasePath) : IReleasableWhenIdle, IDisposable
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Pooling = false, // kept open here, with their prepared statements
        DefaultTimeout = 30,
    }.ToString();
    // SQLite runs a look-up synchronously in microseconds, so a connection is lent only for that long: a few cover
    // any number of concurrent requests. More are opened when all are lent, and closed when given back past this.
    private readonly IdleConnections<LookupConnection> _idle = new(keptIdle: 4);

    public AuthenticatedSession? Session(string tokenHash) =>
        Use(static (connection, hash) => connection.Session(hash), tokenHash);

    public GroupRole? RoleOf(GroupId groupId, UserId userId) =>
        Use(static (connection, ids) => connection.RoleOf(ids.groupId, ids.userId), (groupId, userId));

    public void ReleaseIdle() => _idle.Close();

    public void Dispose() => _idle.Dispose();

    private TResult Use<TState, TResult>(Func<LookupConnection, TState, TResult> read, TState state)
    {
        var connection = _idle.Take() ?? new LookupConnection(_connectionString);
        TResult result;
        try
        {
            result = read(connection, state);
        }
        catch
        {
            connection.Dispose(); // in an unknown state: not lent again
            throw;
        }
        _idle.Keep(connection);
        return result;
    }
}
