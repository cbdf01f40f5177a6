using Conclave.Application.Accounts.EventHandlers;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.EventHandlers;

public sealed class NotifyGroupsOfAccountDeletionTests
{
    private static readonly UserId Deleted = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private readonly IEventSink _sink = Substitute.For<IEventSink>();

    [Fact]
    public async Task Each_group_tells_its_remaining_members_and_not_the_deleted_user()
    {
        GroupId first = GroupId.New(), second = GroupId.New();

        await new NotifyGroupsOfAccountDeletion(_sink).Handle(new DomainEventNotification<AccountDeleted>(
            new AccountDeleted(Deleted, [new GroupMembers(first, [Bob, Carol]), new GroupMembers(second, [Carol])])), default);

        var published = PublishedEvents.Of(_sink);
        Assert.Equal(2, published.Count);
        Assert.Equal(new MemberRemovedEvent(first, Deleted), published[0].Event);
        PublishedEvents.AssertRecipients([Bob, Carol], published[0].Recipients);
        Assert.Equal(new MemberRemovedEvent(second, Deleted), published[1].Event);
        PublishedEvents.AssertRecipients([Carol], published[1].Recipients);
    }

    [Fact]
    public async Task No_group_with_remaining_members_means_no_event()
    {
        await new NotifyGroupsOfAccountDeletion(_sink).Handle(new DomainEventNotification<AccountDeleted>(new AccountDeleted(Deleted, [])), default);

        Assert.Empty(_sink.ReceivedCalls());
    }
}
