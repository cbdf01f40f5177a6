using Conclave.Application.Common.Events;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.UnitTests.Common.Events;

// CLARIFICATIONS §3.1 "Silent": these changes reach nobody's event stream.
public sealed class SilentEventsTests
{
    public static TheoryData<Type> Silent =>
    [
        typeof(UserRegistered), typeof(AccountReset), typeof(GroupCreated), typeof(MemberAdded),
        typeof(UserBanned), typeof(UserUnbanned), typeof(InviteDiscarded),
    ];

    [Theory]
    [MemberData(nameof(Silent))]
    public void No_core_handler_reacts_to(Type domainEvent)
    {
        var notification = typeof(INotificationHandler<>).MakeGenericType(typeof(DomainEventNotification<>).MakeGenericType(domainEvent));
        Assert.DoesNotContain(typeof(DependencyInjection).Assembly.GetTypes(), notification.IsAssignableFrom);
    }
}
