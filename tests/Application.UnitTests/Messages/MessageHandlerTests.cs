using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Settings;
using Conclave.Application.Groups;
using Conclave.Application.Messages;
using Conclave.Application.Messages.Commands.SendMessage;
using Conclave.Application.Messages.Commands.UploadCommit;
using Conclave.Application.Messages.Queries.GetMessages;
using Conclave.Application.UnitTests.Members;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Conclave.Application.UnitTests.Plugins;
using MediatR;
using NSubstitute;

namespace Conclave.Application.UnitTests.Messages;

// CLARIFICATIONS R39-R41, §7.4 with decisions 1, 5 and 6. The send's rules themselves: Domain.UnitTests/Messages/MessageLogTests.
public sealed class MessageHandlerTests : MemberFixture
{
    private readonly IFetchWatermarkRepository _watermarks = Substitute.For<IFetchWatermarkRepository>();
    private readonly IMessageQueries _messageQueries = Substitute.For<IMessageQueries>();
    private readonly IGroupQueries _groupQueries = Substitute.For<IGroupQueries>();
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

    [Fact]
    public async Task Upload_commit_stores_group_info_commit_and_mls_group_id()
    {
        await UploadCommit(Bob, commit: [0xC1], groupInfo: [0x11], mlsGroupId: "00ff");

        await GroupInfos.Received(1).ReplaceAsync(Group.Id, Arg.Any<byte[]>(), Arg.Any<CancellationToken>());
        Assert.Equal((1L, Bob), (Stored.Single().SequenceNum, Stored.Single().SenderId));
        Assert.Equal("00ff", Group.MlsGroupId);
        Assert.Equal(1, Assert.IsType<CommitUploaded>(Assert.Single(Group.DomainEvents)).SequenceNum);
        await _watermarks.DidNotReceiveWithAnyArgs().AdvanceAsync(default, default, default, default);
    }

    [Fact]
    public async Task An_empty_commit_upload_changes_nothing()
    {
        await UploadCommit(Bob, [], [], "");

        Assert.Empty(Stored);
        Assert.Empty(Group.DomainEvents);
        await GroupInfos.DidNotReceiveWithAnyArgs().ReplaceAsync(default, default!, default);
    }

    [Fact]
    public async Task An_upload_by_someone_no_longer_a_member_changes_nothing()
    {
        var refusal = await Refused(() => UploadCommit(Carol, [], [0x11], "id"));

        Assert.Equal(DomainError.NotMember, refusal.Error);
        Assert.Equal("", Group.MlsGroupId);
        await GroupInfos.DidNotReceiveWithAnyArgs().ReplaceAsync(default, default!, default);
    }

    [Fact]
    public async Task Fetch_reads_the_window_and_raises_the_watermark_to_the_last_number_in_delete_after_fetch_groups()
    {
        var window = Page(4, 9);
        _messageQueries.OpenPageAsync(Group.Id, 0, 500, null, Arg.Any<CancellationToken>()).Returns(window);
        _groupQueries.MessageExpiryAsync(Group.Id, Arg.Any<CancellationToken>()).Returns(0L);

        var page = await Fetch(after: -3, limit: -1);

        Assert.Equal([4L, 9L], page.Messages.Select(m => m.SequenceNum));
        await _watermarks.Received(1).AdvanceAsync(Group.Id, Bob, 9, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Fetch_with_a_server_retention_of_zero_raises_the_watermark_whatever_the_groups_expiry()
    {
        var one = Page(1);
        _messageQueries.OpenPageAsync(Group.Id, 0, 100, null, Arg.Any<CancellationToken>()).Returns(one);
        _groupQueries.MessageExpiryAsync(Group.Id, Arg.Any<CancellationToken>()).Returns(-1L);

        await Fetch(after: null, limit: null, serverRetention: 0);

        await _watermarks.Received(1).AdvanceAsync(Group.Id, Bob, 1, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Fetch_writes_nothing_when_it_returns_nothing_or_the_group_keeps_its_messages()
    {
        var empty = Page();
        var one = Page(1);
        _messageQueries.OpenPageAsync(Group.Id, 5, 100, null, Arg.Any<CancellationToken>()).Returns(empty);
        _messageQueries.OpenPageAsync(Group.Id, 0, 100, null, Arg.Any<CancellationToken>()).Returns(one);
        _groupQueries.MessageExpiryAsync(Group.Id, Arg.Any<CancellationToken>()).Returns(-1L);

        await Fetch(after: 5, limit: null, serverRetention: 0);
        await Fetch(after: 0, limit: null, serverRetention: 3600);

        await _watermarks.DidNotReceiveWithAnyArgs().AdvanceAsync(default, default, default, default);
    }

    [Fact]
    public async Task A_limit_of_zero_reads_nothing()
    {
        Assert.Empty((await Fetch(after: 0, limit: 0)).Messages);
        await _messageQueries.DidNotReceiveWithAnyArgs().OpenPageAsync(default, default, default, default, default);
    }

    [Fact]
    public async Task A_fetch_cut_by_size_asks_for_pages_of_at_most_the_cut()
    {
        var cut = Page(1);
        _messageQueries.OpenPageAsync(Group.Id, 0, 100, FetchWindow.MaxPageContentBytes, Arg.Any<CancellationToken>()).Returns(cut);
        _groupQueries.MessageExpiryAsync(Group.Id, Arg.Any<CancellationToken>()).Returns(-1L);

        var page = await new GetMessagesHandler(_messageQueries, _groupQueries, _watermarks, new ServerSettings())
            .Handle(new GetMessagesQuery(Group.Id, Bob, null, null, CutBySize: true), default);

        Assert.Equal([1L], page.Messages.Select(m => m.SequenceNum));
    }

    [Fact]
    public async Task A_fetch_whose_watermark_cannot_be_written_ends_its_page()
    {
        var page = Page(3);
        _messageQueries.OpenPageAsync(Group.Id, 0, 100, null, Arg.Any<CancellationToken>()).Returns(page);
        _groupQueries.MessageExpiryAsync(Group.Id, Arg.Any<CancellationToken>()).Returns(0L);
        _watermarks.AdvanceAsync(Group.Id, Bob, 3, Arg.Any<CancellationToken>()).Returns(Task.FromException(new InvalidOperationException("disk full")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Fetch(after: null, limit: null));

        await page.Received(1).DisposeAsync();
    }

    [Theory]
    [InlineData(new[] { 10, 10, 10 }, 20, 2)]
    [InlineData(new[] { 10, 10, 10 }, 30, 3)]
    [InlineData(new[] { 50, 1 }, 20, 1)]  // the first message always, or a client continuing with `after` would stall
    [InlineData(new[] { 0, 0, 5 }, 4, 2)]
    [InlineData(new int[0], 4, 0)]
    public void A_page_cut_by_size_keeps_the_messages_whose_contents_fit(int[] lengths, long max, int kept) =>
        Assert.Equal(kept, FetchWindow.Cut(lengths, max));

    // Made before it is returned: NSubstitute cannot configure one substitute inside another's Returns.
    private static IMessagePage Page(params long[] sequences)
    {
        var page = Substitute.For<IMessagePage>();
        page.Messages.Returns(sequences.Select(sequence => new MessageHeader(sequence, Alice, Now, 0)).ToList());
        return page;
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

    private Task UploadCommit(UserId caller, byte[] commit, byte[] groupInfo, string mlsGroupId) =>
        new UploadCommitHandler(Groups, Logs, Blobs, Clock).Handle(new UploadCommitCommand(Group.Id, caller, commit, groupInfo, mlsGroupId), default);

    private Task<IMessagePage> Fetch(long? after, long? limit, long serverRetention = -1) =>
        new GetMessagesHandler(_messageQueries, _groupQueries, _watermarks, new ServerSettings { MessageRetentionSeconds = serverRetention })
            .Handle(new GetMessagesQuery(Group.Id, Bob, after, limit), default);
}
