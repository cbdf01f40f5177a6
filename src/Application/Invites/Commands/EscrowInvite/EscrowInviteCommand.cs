using Conclave.Domain.Common;
using Conclave.Plugins.Abstractions.Policies;
using MediatR;

namespace Conclave.Application.Invites.Commands.EscrowInvite;

// Not IGroupScoped: the reference checks the body's fields before the admin check (CLARIFICATIONS R31).
public sealed record EscrowInviteCommand(GroupId GroupId, UserId Actor, byte[] InviteeId, byte[] CommitMessage, byte[] WelcomeMessage, byte[] GroupInfo)
    : IRequest<Unit>, IAddsGroupMember
{
    Guid IAddsGroupMember.GroupId => GroupId.Value;
    Guid IAddsGroupMember.ActorId => Actor.Value;
    // Plugin behaviours run after the validator, which has checked these are 16 bytes.
    Guid IAddsGroupMember.NewMemberId => new(InviteeId, bigEndian: true);
}
