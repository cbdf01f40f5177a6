using Conclave.Domain.Common;

namespace Conclave.Application.Invites;

public interface IInviteQueries
{
    /// <summary>Invites addressed to the user, oldest first.</summary>
    Task<IReadOnlyList<PendingInviteDto>> ForInviteeAsync(UserId invitee, CancellationToken cancellationToken);
    /// <summary>Every pending invite of the group, oldest first.</summary>
    Task<IReadOnlyList<PendingInviteDto>> ForGroupAsync(GroupId groupId, CancellationToken cancellationToken);
}
