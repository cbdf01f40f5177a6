using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Grpc;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using MessagesRpc = Conclave.Server.V1.Messages;

namespace Conclave.Api.IntegrationTests.Messages;

// Issue #30, finding 1: the spec surface writes a fetch one message at a time, with the bytes and headers of the
// whole response encoded at once; the JSON and gRPC surfaces cut a page at 3 MiB of contents (docs/api.md), and a
// client fetching on with `after` loses nothing.
public sealed class LargeFetchTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const int PageContentBytes = 3 * 1024 * 1024;
    private TestServer Server => fixture.Server;

    // Contents around every varint length boundary a 1 MiB message can reach, and the empty one proto3 omits.
    private static readonly int[] Sizes = [0, 1, 127, 128, 16_383, 16_384, 300_000, 1_048_572, 5];

    [Fact]
    public async Task A_protobuf_fetch_is_the_whole_response_encoded_at_once_with_its_content_length()
    {
        var (alice, group) = await GroupWithMessagesAsync(Sizes);

        foreach (var query in new[] { "", "?after=2&limit=4", "?limit=0", "?after=99" })
        {
            using var response = await Server.Spec.GetAsync(group.Path("/messages") + query, alice.Token);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.ToString());
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.False(response.Headers.TransferEncodingChunked ?? false);
            var decoded = GetMessagesResponse.Parser.ParseFrom(body);
            Assert.Equal(decoded.ToByteArray(), body);
            var expected = query switch { "" => Sizes, "?after=2&limit=4" => Sizes[2..6], _ => [] };
            Assert.Equal(expected, decoded.Messages.Select(m => m.MlsMessage.Length));
            Assert.All(decoded.Messages, m => Assert.All(m.MlsMessage.ToByteArray(), b => Assert.Equal((byte)m.SequenceNum, b)));
        }
    }

    [Fact]
    public async Task A_head_request_has_the_get_headers_and_no_body()
    {
        var (alice, group) = await GroupWithMessagesAsync([10, 20_000]);

        using var get = await Server.Spec.GetAsync(group.Path("/messages"), alice.Token);
        using var head = await Server.Spec.SendAsync(HttpMethod.Head, group.Path("/messages"), token: alice.Token);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_protobuf_page_is_never_cut_by_size()
    {
        var (alice, group) = await GroupWithMessagesAsync(Enumerable.Repeat(1_000_000, 5).ToArray());

        Assert.Equal(5, (await Server.Spec.FetchAsync(group, alice)).Count);
    }

    [Fact]
    public async Task Json_and_grpc_pages_are_cut_at_3_mib_of_contents_and_continue_with_after_losing_nothing()
    {
        int[] sizes = [1_000_000, 1_000_000, 1_000_000, 200_000, 1_048_572, 10, 1_048_572, 1_048_572, 0, 3];
        var (alice, group) = await GroupWithMessagesAsync(sizes);
        var grpc = new MessagesRpc.MessagesClient(Server.Channel); // the client's default 4 MiB receive limit

        var viaGrpc = await FetchAllAsync(async after =>
            (await grpc.GetMessagesAsync(new GetMessagesRequest { GroupId = group.Guid.ToString(), After = after }, GrpcCalls.Bearer(alice.Token))).Messages.ToList());
        var viaJson = await FetchAllAsync(after => FetchJsonAsync(group, alice, after));

        foreach (var pages in new[] { viaGrpc, viaJson })
        {
            Assert.Equal([3, 4, 3], pages.Select(p => p.Count));
            Assert.All(pages, page => Assert.True(page.Count == 1 || page.Sum(m => (long)m.MlsMessage.Length) <= PageContentBytes));
            var messages = pages.SelectMany(p => p).ToList();
            Assert.Equal(Enumerable.Range(1, sizes.Length).Select(n => (ulong)n), messages.Select(m => m.SequenceNum));
            Assert.Equal(sizes, messages.Select(m => m.MlsMessage.Length));
            Assert.All(messages, m => Assert.All(m.MlsMessage.ToByteArray(), b => Assert.Equal((byte)m.SequenceNum, b)));
        }
    }

    private static async Task<List<List<StoredMessage>>> FetchAllAsync(Func<long, Task<List<StoredMessage>>> fetch)
    {
        var pages = new List<List<StoredMessage>>();
        var after = 0L;
        while (await fetch(after) is { Count: > 0 } page)
        {
            pages.Add(page);
            after = (long)page[^1].SequenceNum;
        }
        return pages;
    }

    private async Task<List<StoredMessage>> FetchJsonAsync(TestGroup group, TestUser member, long after)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, group.Path($"/messages?after={after}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("Authorization", $"Bearer {member.Token}");
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonParser.Default.Parse<GetMessagesResponse>(await response.Content.ReadAsStringAsync()).Messages];
    }

    // Message n (from 1) is sizes[n - 1] bytes of the value n, so that a content out of place shows.
    private async Task<(TestUser, TestGroup)> GroupWithMessagesAsync(int[] sizes)
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var group = await Server.Spec.CreateGroupAsync(alice);
        for (var i = 0; i < sizes.Length; i++)
            Assert.Equal(i + 1, await Server.Spec.SendAsync(group, alice, Enumerable.Repeat((byte)(i + 1), sizes[i]).ToArray()));
        return (alice, group);
    }
}
