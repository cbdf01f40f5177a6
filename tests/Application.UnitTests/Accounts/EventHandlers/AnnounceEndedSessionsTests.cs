using Conclave.Application.Accounts.EventHandlers;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.EventHandlers;

// CLARIFICATIONS decision 9: the streams of every session an account operation removes are closed, no others.
public sealed class AnnounceEndedSessionsTests
{
    private static readonly UserId Alice = UserId.New();

    [Fact]
    public async Task Every_ending_of_sessions_is_announced_to_the_other_processes()
    {
        var endings = Substitute.For<ISessionEndings>();
        var announce = new AnnounceEndedSessions(endings);

        await announce.Handle(new DomainEventNotification<SessionEnded>(new SessionEnded(Alice, "hash-a")), default);
        await announce.Handle(new DomainEventNotification<PasswordChanged>(new PasswordChanged(Alice)), default);
        await announce.Handle(new DomainEventNotification<AccountDeleted>(new AccountDeleted(Alice, [])), default);
        await announce.Handle(new DomainEventNotification<SignedOutEverywhere>(new SignedOutEverywhere(Alice)), default);

        endings.Received(4).Announce();
    }
}
