using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;

namespace Conclave.Domain.UnitTests.Messages;

// CLARIFICATIONS R39-R40, decision 1 (the group's one forward-only counter) and decision 5 (the sender's watermark).
public sealed class MessageLogTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private static readonly GroupId Group = GroupId.New();

    [Fact]
    public void A_message_takes_the_groups_next_number_and_is_announced_to_every_member()
    {
        var log = new MessageLog(Group, lastSequence: 7, messageExpirySeconds: -1, [Alice, Bob]);

        var sent = log.Send(Bob, [0x42], receivedAt: 1_000, serverRetention: -1);
        var next = log.Send(Alice, [], receivedAt: 1_001, serverRetention: -1);

        Assert.Equal((Group, 8L, Bob, 1_000L), (sent.Message.GroupId, sent.Message.SequenceNum, sent.Message.SenderId, sent.Message.CreatedAt));
        Assert.Equal([0x42], sent.Message.Data);
        Assert.Equal(9, next.Message.SequenceNum);
        Assert.Equal(9, log.LastSequence);
        var announced = Assert.IsType<MessageSent>(log.DomainEvents[0]);
        Assert.Equal((Group, 8L, Bob), (announced.GroupId, announced.SequenceNum, announced.Sender));
        Assert.Equal([Alice, Bob], announced.Members);
        Assert.Equal(2, log.DomainEvents.Count);
        Assert.Equal([sent.Message, next.Message], log.Appended);
    }

    [Fact]
    public void An_append_takes_the_next_number_without_a_check_or_an_announcement_and_waits_to_be_stored()
    {
        var log = new MessageLog(Group, lastSequence: 2, messageExpirySeconds: -1, [Alice]);

        var commit = log.Append(Carol, [7], now: 50); // a leaver's or a former inviter's commit: its use case decided

        Assert.Equal((Group, 3L, Carol, 50L), (commit.GroupId, commit.SequenceNum, commit.SenderId, commit.CreatedAt));
        Assert.Equal([commit], log.Appended);
        Assert.Empty(log.DomainEvents);
        log.ClearAppended();
        Assert.Empty(log.Appended);
        Assert.Equal(4, log.Append(Alice, [], now: 51).SequenceNum);
    }

    [Fact]
    public void Someone_who_is_not_a_member_sends_nothing()
    {
        var log = new MessageLog(Group, lastSequence: 3, messageExpirySeconds: -1, [Alice]);

        var refusal = Assert.Throws<DomainException>(() => log.Send(Carol, [1], 0, -1));

        Assert.Equal(DomainError.NotMember, refusal.Error);
        Assert.Equal(3, log.LastSequence);
        Assert.Empty(log.DomainEvents);
        Assert.Empty(log.Appended);
    }

    [Theory]
    [InlineData(0, -1, true)]
    [InlineData(-1, 0, true)]     // decision 5: the server's 0 puts every group in delete-after-fetch
    [InlineData(86_400, 0, true)]
    [InlineData(-1, -1, false)]
    [InlineData(3_600, 86_400, false)]
    public void The_sender_has_seen_their_own_message_only_in_delete_after_fetch_groups(long groupExpiry, long serverRetention, bool advances)
    {
        var log = new MessageLog(Group, 0, groupExpiry, [Alice]);

        Assert.Equal(advances, log.Send(Alice, [1], 0, serverRetention).AdvancesSenderWatermark);
    }
}
