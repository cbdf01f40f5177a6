using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Groups;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Groups.EventHandlers;

// CLARIFICATIONS §3.1: per group event, exactly this ServerEvent to exactly these users.
public sealed class NotifyMembersOfRemovalTests : GroupEventFixture
{
    [Fact]
    public async Task Removal_goes_to_the_remaining_members_and_the_removed_user()
    {
        await Handle(new NotifyMembersOfRemoval(Sink), new MemberRemoved(Group, Admin, Carol, [Admin, Bob]));

        PublishedEvents.AssertSingle(Sink, new MemberRemovedEvent(Group, Carol), Admin, Bob, Carol);
    }

    [Fact]
    public async Task An_admin_removing_itself_is_told_once()
    {
        await Handle(new NotifyMembersOfRemoval(Sink), new MemberRemoved(Group, Admin, Admin, [Bob]));

        PublishedEvents.AssertSingle(Sink, new MemberRemovedEvent(Group, Admin), Admin, Bob);
    }
}
