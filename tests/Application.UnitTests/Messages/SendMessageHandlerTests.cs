using Conclave.Application.Common.Settings;
using Conclave.Application.Messages;
using Conclave.Application.Messages.Commands.SendMessage;
using Conclave.Application.UnitTests.Members;
using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using NSubstitute;

namespace Conclave.Application.UnitTests.Messages;

// CLARIFICATIONS R40, §7.4 with decision 5. The send's rules themselves: Domain.UnitTests/Messages/MessageLogTests.
public sealed class SendMessageHandlerTests : MemberFixture
{
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

    // The message log runs the handler's decision on the group's log as loaded in its transaction.
    private Task<long> Send(UserId sender, byte[] message, MessageLog groupLog, long serverRetention = -1)
    {
        var log = Substitute.For<IMessageLog>();
        log.AppendAsync(Group.Id, Arg.Any<Func<MessageLog, SentMessage>>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            _sent = call.Arg<Func<MessageLog, SentMessage>>()(groupLog);
            return _sent.Message.SequenceNum;
        });
        return new SendMessageHandler(log, new ServerSettings { MessageRetentionSeconds = serverRetention }, Clock)
            .Handle(new SendMessageCommand(Group.Id, sender, message), default);
    }
}
