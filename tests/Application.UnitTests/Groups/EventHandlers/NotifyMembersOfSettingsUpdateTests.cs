using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Groups;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Groups.EventHandlers;

// CLARIFICATIONS §3.1: per group event, exactly this ServerEvent to exactly these users.
public sealed class NotifyMembersOfSettingsUpdateTests : GroupEventFixture
{
    [Fact]
    public async Task Settings_update_goes_to_every_member_the_admin_included()
    {
        await Handle(new NotifyMembersOfSettingsUpdate(Sink), new GroupSettingsUpdated(Group, Admin, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(Sink, new GroupUpdateEvent(Group, GroupUpdateKind.GroupSettings), Admin, Bob, Carol);
    }
}
