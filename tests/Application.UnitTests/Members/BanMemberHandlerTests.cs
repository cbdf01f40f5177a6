using Conclave.Application.Members.Commands.BanMember;
using Conclave.Domain.Common;
using Conclave.Domain.Invites;
using NSubstitute;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS R27, C27-C29 after the access and id checks.
public sealed class BanMemberHandlerTests : MemberFixture
{
    [Fact]
    public async Task Banning_a_member_removes_them_with_the_blobs_and_records_the_ban()
    {
        await Ban(Bob, commit: [0xB0], groupInfo: [0xB1]);

        Assert.False(Group.IsMember(Bob));
        Assert.Equal((Bob, Alice, Now), (Group.Bans.Single().UserId, Group.Bans.Single().BannedBy, Group.Bans.Single().BannedAt));
        Assert.Equal((1L, Alice), (Stored.Single().SequenceNum, Stored.Single().SenderId));
        await GroupInfos.Received(1).ReplaceAsync(Group.Id, Arg.Any<byte[]>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Banning_a_non_member_ignores_the_blobs()
    {
        await Ban(Carol, commit: [1], groupInfo: [2]);

        Assert.True(Group.IsBanned(Carol));
        Assert.Empty(Stored);
        await GroupInfos.DidNotReceiveWithAnyArgs().ReplaceAsync(default, default!, default);
    }

    [Fact]
    public async Task The_targets_pending_invite_is_discarded_silently()
    {
        var invite = Invite.Escrow(Group, Alice, Carol, alreadyInvited: false, [1], [2], [3], Now);
        invite.ClearDomainEvents();
        Invites.FindPendingAsync(Group.Id, Carol, Arg.Any<CancellationToken>()).Returns(invite);

        await Ban(Carol, [], []);

        Invites.Received(1).Remove(invite);
        Assert.IsType<InviteDiscarded>(Assert.Single(invite.DomainEvents));
    }

    [Fact]
    public async Task Unknown_target_is_not_found_before_membership_is_checked()
    {
        var refusal = await Refused(() => Ban(UserId.New(), [1], [2]));
        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
        await Groups.DidNotReceiveWithAnyArgs().GetAsync(default, default);
    }

    [Fact]
    public async Task A_second_ban_is_a_conflict_that_stores_and_deletes_nothing()
    {
        var invite = Invite.Escrow(Group, Alice, Carol, alreadyInvited: false, [1], [2], [3], Now);
        Group.Ban(Alice, Carol, 1);
        Invites.FindPendingAsync(Group.Id, Carol, Arg.Any<CancellationToken>()).Returns(invite);

        var refusal = await Refused(() => Ban(Carol, [1], [2]));

        Assert.Equal((DomainError.Conflict, "user is already banned from this group"), (refusal.Error, refusal.Message));
        Invites.DidNotReceiveWithAnyArgs().Remove(default!);
        Assert.Empty(Stored);
    }

    private Task Ban(UserId target, byte[] commit, byte[] groupInfo) =>
        new BanMemberHandler(Groups, Users, Invites, Blobs, Clock).Handle(new BanMemberCommand(Group.Id, Alice, Bytes(target), commit, groupInfo), default);
}
