using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Groups;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Groups.EventHandlers;

// CLARIFICATIONS §3.1: per group event, exactly this ServerEvent to exactly these users.
public sealed class NotifyMembersOfNewMessageTests : GroupEventFixture
{
    [Fact]
    public async Task New_message_goes_to_every_member_but_the_sender_with_its_sequence_number()
    {
        await Handle(new NotifyMembersOfNewMessage(Sink), new MessageSent(Group, 42, Carol, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(Sink, new NewMessageEvent(Group, 42, Carol), Admin, Bob);
    }
}
