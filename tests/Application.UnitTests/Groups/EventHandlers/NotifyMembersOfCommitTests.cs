using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups.EventHandlers;
using Conclave.Application.UnitTests.Common.Events;
using Conclave.Domain.Groups;
using static Conclave.Application.UnitTests.Common.Events.Notifications;

namespace Conclave.Application.UnitTests.Groups.EventHandlers;

// CLARIFICATIONS §3.1: per group event, exactly this ServerEvent to exactly these users.
public sealed class NotifyMembersOfCommitTests : GroupEventFixture
{
    [Fact]
    public async Task Commit_goes_to_every_member_but_the_committer()
    {
        await Handle(new NotifyMembersOfCommit(Sink), new CommitUploaded(Group, 7, Bob, [Admin, Bob, Carol]));

        PublishedEvents.AssertSingle(Sink, new GroupUpdateEvent(Group, GroupUpdateKind.Commit), Admin, Carol);
    }
}
