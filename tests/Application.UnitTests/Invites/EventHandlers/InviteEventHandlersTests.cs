using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Invites.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Common;
using Conclave.Domain.Invites;
using MediatR;
using NSubstitute;

namespace Conclave.Application.UnitTests.Invites.EventHandlers;

// CLARIFICATIONS §3.1, items 123 and 129-131.
public sealed class InviteEventHandlersTests
{
    private static readonly UserId Inviter = UserId.New(), Invitee = UserId.New(), OtherAdmin = UserId.New(), Bob = UserId.New();
    private static readonly GroupId Group = GroupId.New();
    private static readonly InviteId Invite = InviteId.New();
    private readonly IEventSink _sink = Substitute.For<IEventSink>();

    [Fact]
    public async Task Escrow_tells_the_invitee_only_with_the_group_name_alias_and_inviter()
    {
        await Handle(new NotifyInviteeOfInvite(_sink), new InviteEscrowed(Invite, Group, "team", "The Team", Inviter, Invitee));

        PublishedEvents.AssertSingle(_sink, new InviteReceivedEvent(Invite, Group, "team", "The Team", Inviter), Invitee);
    }

    [Fact]
    public async Task Acceptance_welcomes_the_invitee_and_tells_every_other_member_the_inviter_included_of_the_commit()
    {
        await Handle(new NotifyOfInviteAcceptance(_sink), new InviteAccepted(Invite, Group, Invitee, Inviter, "The Team", 9, [Inviter, Bob, Invitee]));

        var published = PublishedEvents.Of(_sink);
        Assert.Equal(2, published.Count);
        Assert.Equal(new WelcomeEvent(Group, "The Team"), published[0].Event);
        PublishedEvents.AssertRecipients([Invitee], published[0].Recipients);
        Assert.Equal(new GroupUpdateEvent(Group, GroupUpdateKind.Commit), published[1].Event);
        PublishedEvents.AssertRecipients([Inviter, Bob], published[1].Recipients);
    }

    [Fact]
    public async Task Decline_tells_the_inviter_only_who_declined()
    {
        await Handle(new NotifyInviterOfDecline(_sink), new InviteDeclined(Invite, Group, Invitee, Inviter));

        PublishedEvents.AssertSingle(_sink, new InviteDeclinedEvent(Group, Invitee), Inviter);
    }

    [Fact]
    public async Task Cancellation_tells_the_invitee_it_was_cancelled_and_the_original_inviter_that_it_was_declined()
    {
        await Handle(new NotifyOfInviteCancellation(_sink), new InviteCancelled(Invite, Group, Invitee, Inviter, CancelledBy: OtherAdmin));

        var published = PublishedEvents.Of(_sink);
        Assert.Equal(2, published.Count);
        Assert.Equal(new InviteCancelledEvent(Group), published[0].Event);
        PublishedEvents.AssertRecipients([Invitee], published[0].Recipients);
        Assert.Equal(new InviteDeclinedEvent(Group, Invitee), published[1].Event);
        PublishedEvents.AssertRecipients([Inviter], published[1].Recipients);
    }

    private static Task Handle<TEvent>(INotificationHandler<DomainEventNotification<TEvent>> handler, TEvent domainEvent)
        where TEvent : IDomainEvent =>
        handler.Handle(new DomainEventNotification<TEvent>(domainEvent), default);
}
