using Conclave.Application.KeyPackages;
using Conclave.Application.Users;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Members.Commands.InviteToGroup;

// CLARIFICATIONS R21 in its order, but all or nothing (decision 12): a failure on any id rolls back the packages
// taken for the earlier ones and gives their rate-limit permits back (decision 4).
public sealed class InviteToGroupHandler(IGroupRepository groups, IUserRepository users, IKeyPackageRepository packages,
    KeyPackageRateLimiter limiter) : IRequestHandler<InviteToGroupCommand, IReadOnlyList<MemberKeyPackageDto>>
{
    public async Task<IReadOnlyList<MemberKeyPackageDto>> Handle(InviteToGroupCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetAsync(command.GroupId, cancellationToken) ?? throw DomainException.NotAdmin(AdminOnly.Invite);
        group.RequireInviter(command.Actor);

        using var consumption = new KeyPackageConsumption(packages, limiter);
        var handedOut = new List<MemberKeyPackageDto>(command.UserIds.Count);
        foreach (var bytes in command.UserIds)
        {
            if (!UuidBytes.TryRead(bytes, out var guid)) throw new DomainException(DomainError.Validation, "invalid user_id");
            var target = new UserId(guid);
            await users.RequireAsync(target, cancellationToken);
            if (!group.HandsKeyPackageTo(command.Actor, target)) continue;
            handedOut.Add(new MemberKeyPackageDto(target, await consumption.TakeAsync(target, cancellationToken)));
        }
        consumption.Complete();
        return handedOut;
    }
}
