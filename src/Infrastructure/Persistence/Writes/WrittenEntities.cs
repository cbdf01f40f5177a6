using Conclave.Domain.Groups;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Conclave.Infrastructure.Persistence.Writes;

/// <summary>
/// The kind of an EF write, derived from what it saves: the one place that knows which entities a session or role
/// look-up reads (a session by its token; a member's role, through its group). A user or a group removed takes its
/// sessions and memberships with it (cascades the change tracker never sees).
/// </summary>
internal static class WrittenEntities
{
    public static WriteKind KindOf(ChangeTracker tracker, bool untracked)
    {
        if (untracked) return WriteKind.Access;
        var kind = WriteKind.None;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (ReadByAccess(entry.Metadata.ClrType, entry.State)) return WriteKind.Access;
            kind = WriteKind.Content;
        }
        return kind;
    }

    public static bool ReadByAccess(Type entity, EntityState state) =>
        entity == typeof(Session) || entity == typeof(GroupMember) ||
        (state is EntityState.Added or EntityState.Deleted && (entity == typeof(User) || entity == typeof(Group)));
}
