using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;
using NSubstitute;

namespace Conclave.Application.UnitTests.Groups.EventHandlers;

// CLARIFICATIONS §3.1: per group event, exactly this ServerEvent to exactly these users.
public sealed class GroupEventHandlersTests
{
    private static readonly UserId Admin = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private static readonly GroupId Group = GroupId.New();
    private readonly IEventSink _sink = Substitute.For<IEventSink>();

    [Fact]
    public async Task Settings_update_goes_to_every_member_the_admin_included()
    {
        await Handle(new NotifyMembersOfSettingsUpdate(_sink), new GroupSettingsUpdated(Group, Admin, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(_sink, new GroupUpdateEvent(Group, GroupUpdateKind.GroupSettings), Admin, Bob, Carol);
    }

    [Fact]
    public async Task Role_change_goes_to_every_member_the_admin_included()
    {
        await Handle(new NotifyMembersOfRoleChange(_sink), new MemberRoleChanged(Group, Admin, Bob, GroupRole.Admin, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(_sink, new GroupUpdateEvent(Group, GroupUpdateKind.RoleChange), Admin, Bob, Carol);
    }

    [Fact]
    public async Task Commit_goes_to_every_member_but_the_committer()
    {
        await Handle(new NotifyMembersOfCommit(_sink), new CommitUploaded(Group, 7, Bob, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(_sink, new GroupUpdateEvent(Group, GroupUpdateKind.Commit), Admin, Carol);
    }

    [Fact]
    public async Task New_message_goes_to_every_member_but_the_sender_with_its_sequence_number()
    {
        await Handle(new NotifyMembersOfNewMessage(_sink), new MessageSent(Group, 42, Carol, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(_sink, new NewMessageEvent(Group, 42, Carol), Admin, Bob);
    }

    [Fact]
    public async Task External_join_of_a_public_room_joiner_is_a_commit_for_everyone_the_joiner_included()
    {
        await Handle(new NotifyMembersOfExternalJoin(_sink), new ExternalJoinCompleted(Group, Carol, WasPendingJoin: true, 3, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(_sink, new GroupUpdateEvent(Group, GroupUpdateKind.Commit), Admin, Bob, Carol);
    }

    [Fact]
    public async Task External_join_after_an_account_reset_is_an_identity_reset_for_everyone_but_the_caller()
    {
        await Handle(new NotifyMembersOfExternalJoin(_sink), new ExternalJoinCompleted(Group, Carol, WasPendingJoin: false, 3, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(_sink, new IdentityResetEvent(Group, Carol), Admin, Bob);
    }

    [Fact]
    public async Task Removal_goes_to_the_remaining_members_and_the_removed_user()
    {
        await Handle(new NotifyMembersOfRemoval(_sink), new MemberRemoved(Group, Admin, Carol, [Admin, Bob]));

        PublishedEvents.AssertSingle(_sink, new MemberRemovedEvent(Group, Carol), Admin, Bob, Carol);
    }

    [Fact]
    public async Task An_admin_removing_itself_is_told_once()
    {
        await Handle(new NotifyMembersOfRemoval(_sink), new MemberRemoved(Group, Admin, Admin, [Bob]));

        PublishedEvents.AssertSingle(_sink, new MemberRemovedEvent(Group, Admin), Admin, Bob);
    }

    [Fact]
    public async Task Leaving_goes_to_the_remaining_members_only()
    {
        await Handle(new NotifyMembersOfDeparture(_sink), new MemberLeft(Group, Carol, [Admin, Bob]));

        PublishedEvents.AssertSingle(_sink, new MemberRemovedEvent(Group, Carol), Admin, Bob);
    }

    [Fact]
    public async Task The_last_member_leaving_tells_nobody()
    {
        await Handle(new NotifyMembersOfDeparture(_sink), new MemberLeft(Group, Carol, []));

        var (published, to) = Assert.Single(PublishedEvents.Of(_sink));
        Assert.Equal(new MemberRemovedEvent(Group, Carol), published);
        Assert.Empty(to);
    }

    [Fact]
    public async Task Group_deletion_goes_to_every_member_at_deletion_time_the_admin_included()
    {
        await Handle(new NotifyMembersOfGroupDeletion(_sink), new GroupDeleted(Group, Admin, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(_sink, new GroupDeletedEvent(Group), Admin, Bob, Carol);
    }

    private static Task Handle<TEvent>(INotificationHandler<DomainEventNotification<TEvent>> handler, TEvent domainEvent)
        where TEvent : IDomainEvent =>
        handler.Handle(new DomainEventNotification<TEvent>(domainEvent), default);
}
