using Conclave.Application.Accounts.EventHandlers;
using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.EventHandlers;

// CLARIFICATIONS decision 9: the streams of every session an account operation removes are closed, no others.
public sealed class EndStreamsOnSignOutTests
{
    private static readonly UserId Alice = UserId.New();
    private readonly IEventSink _sink = Substitute.For<IEventSink>();

    [Fact]
    public async Task The_operators_sign_out_ends_every_stream_of_the_user()
    {
        await new EndStreamsOnSignOut(_sink).Handle(new DomainEventNotification<SignedOutEverywhere>(new SignedOutEverywhere(Alice)), default);

        _sink.Received(1).EndUserStreams(Alice);
        Assert.Single(_sink.ReceivedCalls());
    }
}
