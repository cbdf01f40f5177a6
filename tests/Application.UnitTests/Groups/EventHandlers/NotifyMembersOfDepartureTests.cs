using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Groups;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Groups.EventHandlers;

// CLARIFICATIONS §3.1: per group event, exactly this ServerEvent to exactly these users.
public sealed class NotifyMembersOfDepartureTests : GroupEventFixture
{
    [Fact]
    public async Task Leaving_goes_to_the_remaining_members_only()
    {
        await Handle(new NotifyMembersOfDeparture(Sink), new MemberLeft(Group, Carol, [Admin, Bob]));

        PublishedEvents.AssertSingle(Sink, new MemberRemovedEvent(Group, Carol), Admin, Bob);
    }

    [Fact]
    public async Task The_last_member_leaving_tells_nobody()
    {
        await Handle(new NotifyMembersOfDeparture(Sink), new MemberLeft(Group, Carol, []));

        var (published, to) = Assert.Single(PublishedEvents.Of(Sink));
        Assert.Equal(new MemberRemovedEvent(Group, Carol), published);
        Assert.Empty(to);
    }
}
