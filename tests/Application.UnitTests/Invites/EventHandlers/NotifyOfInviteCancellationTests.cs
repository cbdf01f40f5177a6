using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Invites.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Invites;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Invites.EventHandlers;

// CLARIFICATIONS §3.1, items 123 and 129-131.
public sealed class NotifyOfInviteCancellationTests : InviteEventFixture
{
    [Fact]
    public async Task Cancellation_tells_the_invitee_it_was_cancelled_and_the_original_inviter_that_it_was_declined()
    {
        await Handle(new NotifyOfInviteCancellation(Sink), new InviteCancelled(Invite, Group, Invitee, Inviter, CancelledBy: OtherAdmin));

        var published = PublishedEvents.Of(Sink);
        Assert.Equal(2, published.Count);
        Assert.Equal(new InviteCancelledEvent(Group), published[0].Event);
        PublishedEvents.AssertRecipients([Invitee], published[0].Recipients);
        Assert.Equal(new InviteDeclinedEvent(Group, Invitee), published[1].Event);
        PublishedEvents.AssertRecipients([Inviter], published[1].Recipients);
    }
}
