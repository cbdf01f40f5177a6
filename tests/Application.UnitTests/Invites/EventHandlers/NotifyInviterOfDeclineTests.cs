using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Invites.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Invites;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Invites.EventHandlers;

// CLARIFICATIONS §3.1, items 123 and 129-131.
public sealed class NotifyInviterOfDeclineTests : InviteEventFixture
{
    [Fact]
    public async Task Decline_tells_the_inviter_only_who_declined()
    {
        await Handle(new NotifyInviterOfDecline(Sink), new InviteDeclined(Invite, Group, Invitee, Inviter));

        PublishedEvents.AssertSingle(Sink, new InviteDeclinedEvent(Group, Invitee), Inviter);
    }
}
