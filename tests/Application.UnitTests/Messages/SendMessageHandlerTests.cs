using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Settings;
using Conclave.Application.Messages;
using Conclave.Application.Messages.Commands.SendMessage;
using Conclave.Application.UnitTests.Members;
using Conclave.Application.UnitTests.Plugins;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using MediatR;
using NSubstitute;

namespace Conclave.Application.UnitTests.Messages;

// CLARIFICATIONS R40, §7.4 with decision 5. The send's rules themselves: Domain.UnitTests/Messages/MessageLogTests.
public sealed class SendMessageHandlerTests : MemberFixture
{
    private readonly IMediator _mediator = Substitute.For<IMediator>();
    private readonly PublicationOrder _order = new();
    private SentMessage? _sent;

    [Fact]
    public async Task Send_stores_the_message_under_the_groups_next_number_as_received_now()
    {
        var sequence = await Send(Bob, [0x42], new MessageLog(Group.Id, lastSequence: 1, messageExpirySeconds: -1, [Alice, Bob]));

        Assert.Equal(2, sequence);
        Assert.Equal((Group.Id, 2L, Bob, Now), (_sent!.Message.GroupId, _sent.Message.SequenceNum, _sent.Message.SenderId, _sent.Message.CreatedAt));
        Assert.Equal([0x42], _sent.Message.Data);
        Assert.False(_sent.AdvancesSenderWatermark);
    }

    [Fact]
    public async Task Send_publishes_its_event_in_its_turn_before_it_answers()
    {
        var earlier = _order.Take(); // a commit just before, still publishing

        var sending = Send(Bob, [1], new MessageLog(Group.Id, 0, -1, [Alice, Bob]));
        await Task.Delay(100);
        Assert.False(sending.IsCompleted);
        await _mediator.DidNotReceiveWithAnyArgs().Publish(Arg.Any<INotification>(), Arg.Any<CancellationToken>());

        earlier.Dispose();
        Assert.Equal(1, await sending.WaitAsync(TimeSpan.FromSeconds(10)));
        await _mediator.Received(1).Publish(Arg.Is<DomainEventNotification<MessageSent>>(n => n.Event.SequenceNum == 1), Arg.Any<CancellationToken>());
        using var next = _order.Take();
        await next.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10)); // the send gave its turn up
    }

    [Fact]
    public async Task An_empty_message_is_stored_too()
    {
        Assert.Equal(1, await Send(Bob, [], new MessageLog(Group.Id, 0, -1, [Bob])));
        Assert.Empty(_sent!.Message.Data);
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(-1, 0)]  // decision 5: the server's 0 puts every group in delete-after-fetch
    [InlineData(86_400, 0)]
    public async Task Send_raises_the_senders_watermark_in_delete_after_fetch_groups(long groupExpiry, long serverRetention)
    {
        await Send(Bob, [1], new MessageLog(Group.Id, 0, groupExpiry, [Alice, Bob]), serverRetention);

        Assert.True(_sent!.AdvancesSenderWatermark);
    }

    [Fact]
    public async Task A_sender_who_left_since_the_access_check_stores_nothing()
    {
        var log = new MessageLog(Group.Id, 0, -1, [Alice]);

        var refusal = await Refused(() => Send(Carol, [1], log));

        Assert.Equal(DomainError.NotMember, refusal.Error);
        Assert.Null(_sent);
        Assert.Empty(log.DomainEvents);
    }

    // The message log lets the group's log, as loaded in its transaction, take the handler's send, and answers once
    // the send is durable, with its commit's events.
    private async Task<long> Send(UserId sender, byte[] message, MessageLog groupLog, long serverRetention = -1)
    {
        var log = Substitute.For<IMessageLog>();
        log.AppendAsync(Arg.Is<MessageSend>(send => send.GroupId == Group.Id)).Returns(call =>
        {
            var send = call.Arg<MessageSend>();
            _sent = groupLog.Send(send.Sender, send.Data, send.ReceivedAt, send.ServerRetention);
            return new AppendedMessage(_sent.Message.SequenceNum, new Committed([.. groupLog.DomainEvents], _order.Take()));
        });
        var publisher = new DomainEventPublisher(_mediator, NoPlugins.Dispatcher(), Clock);
        return await new SendMessageHandler(log, publisher, new ServerSettings { MessageRetentionSeconds = serverRetention }, Clock)
            .Handle(new SendMessageCommand(Group.Id, sender, message), default);
    }
}
