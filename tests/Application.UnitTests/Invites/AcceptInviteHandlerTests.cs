using Conclave.Application.Invites.Commands.AcceptInvite;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Messages;
using Conclave.Domain.Welcomes;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Invites;

public sealed class AcceptInviteHandlerTests
{
    private readonly IInviteRepository _invites = Substitute.For<IInviteRepository>();
    private readonly IGroupRepository _groups = Substitute.For<IGroupRepository>();
    private readonly IMessageLogRepository _logs = Substitute.For<IMessageLogRepository>();
    private readonly IGroupInfoRepository _groupInfos = Substitute.For<IGroupInfoRepository>();
    private readonly IWelcomeRepository _welcomes = Substitute.For<IWelcomeRepository>();
    private static readonly UserId Admin = UserId.New(), Invitee = UserId.New();
    private readonly Group _group = Group.Create("team", "Team", Admin, now: 1);
    private readonly Invite _invite;
    private readonly List<StoredMessage> _saved = [];

    public AcceptInviteHandlerTests()
    {
        _invite = Invite.Escrow(_group, Admin, Invitee, alreadyInvited: false, [1], [2], [3], now: 2);
        _groups.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns(_group);
        _logs.Of(_group).Returns(_ => new MessageLog(_group.Id, 4, -1, _group.MemberIds()));
        _logs.When(logs => logs.Save(Arg.Any<MessageLog>())).Do(call => _saved.AddRange(call.Arg<MessageLog>().Appended));
    }

    [Fact]
    public async Task Unknown_invite_is_not_found()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Accept(InviteId.New(), Invitee));
        Assert.Equal((DomainError.NotFound, "invite not found"), (refused.Error, refused.Message));
    }

    [Fact]
    public async Task Someone_elses_invite_is_refused_and_nothing_is_stored()
    {
        _invites.GetAsync(_invite.Id, Arg.Any<CancellationToken>()).Returns(_invite);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Accept(_invite.Id, UserId.New()));

        Assert.Equal((DomainError.NotMember, "this invite does not belong to you"), (refused.Error, refused.Message));
        _logs.DidNotReceiveWithAnyArgs().Save(default!);
        _invites.DidNotReceiveWithAnyArgs().Remove(default!);
    }

    [Fact]
    public async Task Acceptance_stores_commit_welcome_and_group_info_and_removes_the_invite()
    {
        _invites.GetAsync(_invite.Id, Arg.Any<CancellationToken>()).Returns(_invite);

        await Accept(_invite.Id, Invitee);

        Assert.True(_group.IsMember(Invitee));
        var commit = Assert.Single(_saved);
        Assert.Equal((Admin, 5L, (byte)1), (commit.SenderId, commit.SequenceNum, Assert.Single(commit.Data)));
        _welcomes.Received(1).Add(Arg.Is<Welcome>(w => w.UserId == Invitee && w.GroupAlias == "Team"));
        await _groupInfos.Received(1).ReplaceAsync(_group.Id, Arg.Is<byte[]>(b => b.SequenceEqual(new byte[] { 3 })), Arg.Any<CancellationToken>());
        _invites.Received(1).Remove(_invite);
    }

    private Task<Unit> Accept(InviteId inviteId, UserId actor) =>
        ((IRequestHandler<AcceptInviteCommand, Unit>)new AcceptInviteHandler(_invites, _groups, _logs, _groupInfos, _welcomes, new FakeTimeProvider()))
            .Handle(new AcceptInviteCommand(inviteId, actor), default);
}
