namespace Conclave.Plugins.Abstractions.Policies;

/// <summary>
/// Read-only facts about groups for policies. Inside a pipeline behaviour it reads within the request's transaction,
/// so what it answers cannot change before the handler runs. Inject it in the behaviour's constructor.
/// </summary>
public interface IGroupDirectory
{
    /// <summary>The group, or null when there is none with this id.</summary>
    Task<GroupFacts?> FindAsync(Guid groupId, CancellationToken cancellationToken);
}

/// <summary>What a policy may know about a group.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="IsPublic">Whether anyone may join it.</param>
/// <param name="MemberCount">Its members now.</param>
/// <param name="PendingInviteCount">Invites escrowed and not yet answered (each will add a member if accepted).</param>
/// <param name="AdminIds">Its admins.</param>
public sealed record GroupFacts(Guid GroupId, string Name, bool IsPublic, int MemberCount, int PendingInviteCount, IReadOnlyList<Guid> AdminIds);
