using Conclave.Application.Common.Settings;
using Conclave.Application.Groups;
using Conclave.Application.Messages;
using Conclave.Application.Messages.Queries.GetMessages;
using Conclave.Application.UnitTests.Members;
using Conclave.Domain.Messages;
using NSubstitute;

namespace Conclave.Application.UnitTests.Messages;

// CLARIFICATIONS R41, §7.4 with decisions 1, 5 and 6.
public sealed class GetMessagesHandlerTests : MemberFixture
{
    private readonly IFetchWatermarkRepository _watermarks = Substitute.For<IFetchWatermarkRepository>();
    private readonly IMessageQueries _messageQueries = Substitute.For<IMessageQueries>();
    private readonly IGroupQueries _groupQueries = Substitute.For<IGroupQueries>();

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

    // Made before it is returned: NSubstitute cannot configure one substitute inside another's Returns.
    private static IMessagePage Page(params long[] sequences)
    {
        var page = Substitute.For<IMessagePage>();
        page.Messages.Returns(sequences.Select(sequence => new MessageHeader(sequence, Alice, Now, 0)).ToList());
        return page;
    }

    private Task<IMessagePage> Fetch(long? after, long? limit, long serverRetention = -1) =>
        new GetMessagesHandler(_messageQueries, _groupQueries, _watermarks, new ServerSettings { MessageRetentionSeconds = serverRetention })
            .Handle(new GetMessagesQuery(Group.Id, Bob, after, limit), default);
}
