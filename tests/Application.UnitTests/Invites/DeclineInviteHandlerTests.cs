using Conclave.Application.Invites.Commands.DeclineInvite;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using MediatR;
using NSubstitute;

namespace Conclave.Application.UnitTests.Invites;

public sealed class DeclineInviteHandlerTests
{
    private readonly IInviteRepository _invites = Substitute.For<IInviteRepository>();
    private static readonly UserId Admin = UserId.New(), Invitee = UserId.New();
    private readonly Invite _invite =
        Invite.Escrow(Group.Create("team", "Team", Admin, now: 1), Admin, Invitee, alreadyInvited: false, [1], [2], [3], now: 2);

    [Fact]
    public async Task Decline_by_the_invitee_removes_the_invite_and_tells_the_inviter()
    {
        _invites.GetAsync(_invite.Id, Arg.Any<CancellationToken>()).Returns(_invite);

        await ((IRequestHandler<DeclineInviteCommand, Unit>)new DeclineInviteHandler(_invites)).Handle(new DeclineInviteCommand(_invite.Id, Invitee), default);

        _invites.Received(1).Remove(_invite);
        Assert.Contains(_invite.DomainEvents, e => e is InviteDeclined { Inviter: var inviter } && inviter == Admin);
    }
}
