using Conclave.Application.Accounts.EventHandlers;
using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.EventHandlers;

// CLARIFICATIONS decision 9: the streams of every session an account operation removes are closed, no others.
public sealed class EndStreamsOnPasswordChangeTests
{
    private static readonly UserId Alice = UserId.New();
    private readonly IEventSink _sink = Substitute.For<IEventSink>();

    [Fact]
    public async Task Password_change_ends_every_stream_of_the_user()
    {
        await new EndStreamsOnPasswordChange(_sink).Handle(new DomainEventNotification<PasswordChanged>(new PasswordChanged(Alice)), default);

        _sink.Received(1).EndUserStreams(Alice);
        Assert.Single(_sink.ReceivedCalls());
    }
}
