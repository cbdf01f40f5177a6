using Conclave.Application.Accounts.EventHandlers;
using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.EventHandlers;

// CLARIFICATIONS decision 9: the streams of every session an account operation removes are closed, no others.
public sealed class EndStreamsOfEndedSessionTests
{
    private static readonly UserId Alice = UserId.New();
    private readonly IEventSink _sink = Substitute.For<IEventSink>();

    [Fact]
    public async Task Logout_ends_the_streams_of_that_session_only()
    {
        await new EndStreamsOfEndedSession(_sink).Handle(new DomainEventNotification<SessionEnded>(new SessionEnded(Alice, "hash-a")), default);

        _sink.Received(1).EndSessionStreams(Alice, "hash-a");
        Assert.Single(_sink.ReceivedCalls());
    }
}
