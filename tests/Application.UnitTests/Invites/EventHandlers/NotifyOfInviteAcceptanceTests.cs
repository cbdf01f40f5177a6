using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Invites.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Invites;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Invites.EventHandlers;

// CLARIFICATIONS §3.1, items 123 and 129-131.
public sealed class NotifyOfInviteAcceptanceTests : InviteEventFixture
{
    [Fact]
    public async Task Acceptance_welcomes_the_invitee_and_tells_every_other_member_the_inviter_included_of_the_commit()
    {
        await Handle(new NotifyOfInviteAcceptance(Sink), new InviteAccepted(Invite, Group, Invitee, Inviter, "The Team", 9, [Inviter, Bob, Invitee]));

        var published = PublishedEvents.Of(Sink);
        Assert.Equal(2, published.Count);
        Assert.Equal(new WelcomeEvent(Group, "The Team"), published[0].Event);
        PublishedEvents.AssertRecipients([Invitee], published[0].Recipients);
        Assert.Equal(new GroupUpdateEvent(Group, GroupUpdateKind.Commit), published[1].Event);
        PublishedEvents.AssertRecipients([Inviter, Bob], published[1].Recipients);
    }
}
