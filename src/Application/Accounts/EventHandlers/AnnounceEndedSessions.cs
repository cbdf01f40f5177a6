using Conclave.Application.Common.Events;
using Conclave.Application.Common.Security;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.EventHandlers;

// Every way an account operation ends sessions, told to the other processes sharing the database (an admin command
// ending sessions reaches the running server this way), which then close those sessions' streams too.
public sealed class AnnounceEndedSessions(ISessionEndings endings)
    : INotificationHandler<DomainEventNotification<SessionEnded>>,
      INotificationHandler<DomainEventNotification<PasswordChanged>>,
      INotificationHandler<DomainEventNotification<AccountDeleted>>,
      INotificationHandler<DomainEventNotification<SignedOutEverywhere>>
{
    public Task Handle(DomainEventNotification<SessionEnded> notification, CancellationToken cancellationToken) => Announce();

    public Task Handle(DomainEventNotification<PasswordChanged> notification, CancellationToken cancellationToken) => Announce();

    public Task Handle(DomainEventNotification<AccountDeleted> notification, CancellationToken cancellationToken) => Announce();

    public Task Handle(DomainEventNotification<SignedOutEverywhere> notification, CancellationToken cancellationToken) => Announce();

    private Task Announce()
    {
        endings.Announce();
        return Task.CompletedTask;
    }
}
