using Conclave.Application.Invites.Commands.EscrowInvite;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Users;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Invites;

public sealed class EscrowInviteTests
{
    private readonly IGroupRepository _groups = Substitute.For<IGroupRepository>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IInviteRepository _invites = Substitute.For<IInviteRepository>();
    private static readonly UserId Admin = UserId.New(), Invitee = UserId.New();
    private readonly Group _group = Group.Create("team", "", Admin, now: 1);

    [Fact]
    public void Shape_is_checked_in_the_reference_order_empty_id_then_length_then_blobs()
    {
        var validator = new EscrowInviteValidator();
        Assert.Equal("invitee_id is required", FirstError(validator, Command(inviteeId: [], commit: [])));
        Assert.Equal("invalid invitee_id", FirstError(validator, Command(inviteeId: [1, 2, 3], commit: [])));
        Assert.Equal("commit_message, welcome_message, and group_info are required", FirstError(validator, Command(commit: [])));
        Assert.True(validator.Validate(Command()).IsValid);
    }

    [Fact]
    public async Task A_missing_group_answers_like_a_non_admin()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Handle(Command()));
        Assert.Equal((DomainError.NotAdmin, "only group admins can invite members"), (refused.Error, refused.Message));
    }

    [Fact]
    public async Task A_member_who_is_not_admin_is_refused_before_the_invitee_is_looked_up()
    {
        _groups.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns(_group);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Handle(Command(actor: UserId.New())));
        Assert.Equal(DomainError.NotAdmin, refused.Error);
        await _users.DidNotReceiveWithAnyArgs().ExistsAsync(default, default);
    }

    [Fact]
    public async Task Unknown_invitee_is_not_found()
    {
        _groups.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns(_group);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Handle(Command()));
        Assert.Equal((DomainError.NotFound, "user not found"), (refused.Error, refused.Message));
    }

    [Fact]
    public async Task Escrows_the_invite()
    {
        _groups.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns(_group);
        _users.ExistsAsync(Invitee, Arg.Any<CancellationToken>()).Returns(true);

        await Handle(Command());

        _invites.Received(1).Add(Arg.Is<Invite>(i => i.InviteeId == Invitee && i.InviterId == Admin && i.GroupId == _group.Id));
    }

    private EscrowInviteCommand Command(UserId? actor = null, byte[]? inviteeId = null, byte[]? commit = null) =>
        new(_group.Id, actor ?? Admin, inviteeId ?? UuidBytes.Write(Invitee.Value), commit ?? [1], [2], [3]);

    private static string FirstError(EscrowInviteValidator validator, EscrowInviteCommand command) =>
        validator.Validate(command).Errors[0].ErrorMessage;

    private Task<Unit> Handle(EscrowInviteCommand command) =>
        ((IRequestHandler<EscrowInviteCommand, Unit>)new EscrowInviteHandler(_groups, _users, _invites, new FakeTimeProvider()))
            .Handle(command, default);
}
