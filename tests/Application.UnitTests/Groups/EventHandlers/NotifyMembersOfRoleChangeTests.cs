using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Groups;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Groups.EventHandlers;

// CLARIFICATIONS §3.1: per group event, exactly this ServerEvent to exactly these users.
public sealed class NotifyMembersOfRoleChangeTests : GroupEventFixture
{
    [Fact]
    public async Task Role_change_goes_to_every_member_the_admin_included()
    {
        await Handle(new NotifyMembersOfRoleChange(Sink), new MemberRoleChanged(Group, Admin, Bob, GroupRole.Admin, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(Sink, new GroupUpdateEvent(Group, GroupUpdateKind.RoleChange), Admin, Bob, Carol);
    }
}
