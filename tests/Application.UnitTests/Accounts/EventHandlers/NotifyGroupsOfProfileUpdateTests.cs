using Conclave.Application.Accounts.EventHandlers;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.EventHandlers;

public sealed class NotifyGroupsOfProfileUpdateTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private readonly IMembershipQueries _memberships = Substitute.For<IMembershipQueries>();
    private readonly IEventSink _sink = Substitute.For<IEventSink>();

    [Fact]
    public async Task Each_group_of_the_user_gets_one_group_settings_update_for_all_its_members_the_user_included()
    {
        GroupId first = GroupId.New(), second = GroupId.New();
        _memberships.GroupsOfAsync(Alice, Arg.Any<CancellationToken>()).Returns(
        [
            new GroupMembers(first, [Alice, Bob]),
            new GroupMembers(second, [Carol, Alice]),
        ]);

        await Handle(new ProfileUpdated(Alice));

        var published = PublishedEvents.Of(_sink);
        Assert.Equal(2, published.Count);
        Assert.Equal(new GroupUpdateEvent(first, GroupUpdateKind.GroupSettings), published[0].Event);
        PublishedEvents.AssertRecipients([Alice, Bob], published[0].Recipients);
        Assert.Equal(new GroupUpdateEvent(second, GroupUpdateKind.GroupSettings), published[1].Event);
        PublishedEvents.AssertRecipients([Alice, Carol], published[1].Recipients);
    }

    [Fact]
    public async Task A_user_in_no_group_causes_no_event()
    {
        _memberships.GroupsOfAsync(Alice, Arg.Any<CancellationToken>()).Returns([]);

        await Handle(new ProfileUpdated(Alice));

        Assert.Empty(_sink.ReceivedCalls());
    }

    private Task Handle(ProfileUpdated domainEvent) =>
        new NotifyGroupsOfProfileUpdate(_memberships, _sink).Handle(new DomainEventNotification<ProfileUpdated>(domainEvent), default);
}
