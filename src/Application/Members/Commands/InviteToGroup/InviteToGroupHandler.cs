using Conclave.Application.KeyPackages;
using Conclave.Application.Users;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Members.Commands.InviteToGroup;

// CLARIFICATIONS R21 in its order, but all or nothing (decision 12): a failure on any id rolls back the packages
// taken for the earlier ones and gives their rate-limit permits back (decision 4). No ban or pending-invite check (C25).
public sealed class InviteToGroupHandler(IGroupRepository groups, IUserRepository users, IKeyPackageRepository packages,
    KeyPackageRateLimiter limiter) : IRequestHandler<InviteToGroupCommand, IReadOnlyList<MemberKeyPackageDto>>
{
    private const string NotAdminMessage = "only group admins can invite members";

    public async Task<IReadOnlyList<MemberKeyPackageDto>> Handle(InviteToGroupCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetAsync(command.GroupId, cancellationToken) ?? throw DomainException.NotAdmin(NotAdminMessage);
        group.RequireAdmin(command.Actor, NotAdminMessage);

        using var consumption = new KeyPackageConsumption(packages, limiter);
        var handedOut = new List<MemberKeyPackageDto>(command.UserIds.Count);
        foreach (var bytes in command.UserIds)
        {
            if (!UuidBytes.TryRead(bytes, out var guid)) throw new DomainException(DomainError.Validation, "invalid user_id");
            var target = new UserId(guid);
            await users.RequireAsync(target, cancellationToken);
            if (target == command.Actor) continue; // self is skipped after the existence check (C35)
            if (group.IsMember(target))
                throw new DomainException(DomainError.Conflict, "user is already a member of this group");
            handedOut.Add(new MemberKeyPackageDto(target, await consumption.TakeAsync(target, cancellationToken)));
        }
        consumption.Complete();
        return handedOut;
    }
}
