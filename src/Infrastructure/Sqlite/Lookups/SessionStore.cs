using Conclave.Application.Common.Security;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Writes;
using Conclave.Infrastructure.Sqlite.Durability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Sqlite.Lookups;

/// <summary>
/// Every authenticated request reads its session here (SessionAuthenticator): kept until the next write that may change
/// a session, else one prepared statement; no EF context. A slide, due at most once a minute per session, takes a
/// context of its own (and, like every write, ends what was kept).
/// </summary>
internal sealed class SessionStore(AccessLookups lookups, AccessEpoch epoch, WriteGate gate, IServiceScopeFactory scopes) : ISessionStore
{
    private const int KeptSessions = 16_384;

    private static readonly Task<AuthenticatedSession?> NotFound = Task.FromResult<AuthenticatedSession?>(null);

    // The completed task is what is kept: a kept answer costs no allocation.
    private readonly KeptReads<string, Task<AuthenticatedSession?>?> _kept = new(epoch, KeptSessions,
        hash => lookups.Session(hash) is { } session ? Task.FromResult<AuthenticatedSession?>(session) : null);

    public Task<AuthenticatedSession?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        _kept.Read(tokenHash) ?? NotFound;

    public async Task SlideAsync(string tokenHash, long expiresAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
        await gate.WriteAsync(db, WriteKind.Access, () => db.Sessions.Where(s => s.TokenHash == tokenHash)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken), cancellationToken);
    }
}
