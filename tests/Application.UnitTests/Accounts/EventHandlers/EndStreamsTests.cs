using Conclave.Application.Accounts.EventHandlers;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.EventHandlers;

// CLARIFICATIONS decision 9: the streams of every session an account operation removes are closed, no others.
public sealed class EndStreamsTests
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

    [Fact]
    public async Task Password_change_ends_every_stream_of_the_user()
    {
        await new EndStreamsOnPasswordChange(_sink).Handle(new DomainEventNotification<PasswordChanged>(new PasswordChanged(Alice)), default);

        _sink.Received(1).EndUserStreams(Alice);
        Assert.Single(_sink.ReceivedCalls());
    }

    [Fact]
    public async Task Account_deletion_ends_every_stream_of_the_user()
    {
        await new EndStreamsOfDeletedAccount(_sink).Handle(new DomainEventNotification<AccountDeleted>(new AccountDeleted(Alice, [])), default);

        _sink.Received(1).EndUserStreams(Alice);
        Assert.Single(_sink.ReceivedCalls());
    }

    [Fact]
    public async Task The_operators_sign_out_ends_every_stream_of_the_user()
    {
        await new EndStreamsOnSignOut(_sink).Handle(new DomainEventNotification<SignedOutEverywhere>(new SignedOutEverywhere(Alice)), default);

        _sink.Received(1).EndUserStreams(Alice);
        Assert.Single(_sink.ReceivedCalls());
    }

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
