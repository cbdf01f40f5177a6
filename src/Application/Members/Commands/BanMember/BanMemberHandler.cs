using Conclave.Application.Common.Validation;
using Conclave.Application.Groups;
using Conclave.Application.Messages;
using Conclave.Application.Users;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Members.Commands.BanMember;

// CLARIFICATIONS R27: unknown user 404; a second ban 409 (checked before anything changes, decision 12); a member is
// removed with the request's blobs; the target's pending invite to the group goes without a word (C28).
public sealed class BanMemberHandler(IGroupRepository groups, IUserRepository users, IInviteRepository invites, GroupBlobs blobs, TimeProvider clock)
    : IRequestHandler<BanMemberCommand, Unit>
{
    public async Task<Unit> Handle(BanMemberCommand command, CancellationToken cancellationToken)
    {
        var target = command.Target.ToUserId();
        await users.RequireAsync(target, cancellationToken);
        var group = await groups.GetForAsync(command, cancellationToken);
        if (group.Ban(command.Actor, target, clock.GetUtcNow().ToUnixTimeSeconds()))
            await blobs.StoreAsync(group, command.Actor, command.GroupInfo, command.CommitMessage, cancellationToken);
        if (await invites.FindPendingAsync(group.Id, target, cancellationToken) is { } invite)
        {
            invite.Discard();
            invites.Remove(invite);
        }
        return Unit.Value;
    }
}
