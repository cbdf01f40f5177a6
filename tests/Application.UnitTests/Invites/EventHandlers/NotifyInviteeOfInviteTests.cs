using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Invites.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Invites;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Invites.EventHandlers;

// CLARIFICATIONS §3.1, items 123 and 129-131.
public sealed class NotifyInviteeOfInviteTests : InviteEventFixture
{
    [Fact]
    public async Task Escrow_tells_the_invitee_only_with_the_group_name_alias_and_inviter()
    {
        await Handle(new NotifyInviteeOfInvite(Sink), new InviteEscrowed(Invite, Group, "team", "The Team", Inviter, Invitee));

        PublishedEvents.AssertSingle(Sink, new InviteReceivedEvent(Invite, Group, "team", "The Team", Inviter), Invitee);
    }
}
