using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.EventHandlers;

// CLARIFICATIONS R39: the committer has applied its commit already, so only the others are told.
public sealed class NotifyMembersOfCommit(IEventSink events) : INotificationHandler<DomainEventNotification<CommitUploaded>>
{
    public Task Handle(DomainEventNotification<CommitUploaded> notification, CancellationToken cancellationToken)
    {
        var commit = notification.Event;
        events.Publish(new GroupUpdateEvent(commit.GroupId, GroupUpdateKind.Commit), Recipients.AllBut(commit.Members, commit.Committer));
        return Task.CompletedTask;
    }
}
