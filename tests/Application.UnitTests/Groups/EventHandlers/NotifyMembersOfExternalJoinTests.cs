using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Groups;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Groups.EventHandlers;

// CLARIFICATIONS §3.1: per group event, exactly this ServerEvent to exactly these users.
public sealed class NotifyMembersOfExternalJoinTests : GroupEventFixture
{
    [Fact]
    public async Task External_join_of_a_public_room_joiner_is_a_commit_for_everyone_the_joiner_included()
    {
        await Handle(new NotifyMembersOfExternalJoin(Sink), new ExternalJoinCompleted(Group, Carol, WasPendingJoin: true, 3, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(Sink, new GroupUpdateEvent(Group, GroupUpdateKind.Commit), Admin, Bob, Carol);
    }

    [Fact]
    public async Task External_join_after_an_account_reset_is_an_identity_reset_for_everyone_but_the_caller()
    {
        await Handle(new NotifyMembersOfExternalJoin(Sink), new ExternalJoinCompleted(Group, Carol, WasPendingJoin: false, 3, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(Sink, new IdentityResetEvent(Group, Carol), Admin, Bob);
    }
}
