using System.Net;
using System.Net.Http.Headers;
using Conclave.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Conclave.Benchmarks.FetchMemory;

/// <summary>What one page brought: how many messages, the last one's number (0 for none).</summary>
internal readonly record struct Page(int Count, ulong Last);

/// <summary>A client of one surface reading pages of the group; what it receives is read as it arrives and dropped.</summary>
internal abstract class Fetcher(FetchGroup group)
{
    protected FetchGroup Group { get; } = group;

    public abstract Task<Page> PageAsync(ulong after);

    /// <summary>Every message of the group, page after page with <c>after</c>; returns the number of pages.</summary>
    public async Task<int> FetchAllAsync()
    {
        var (pages, received, after) = (0, 0, 0UL);
        while (received < Group.Messages)
        {
            var page = await PageAsync(after);
            if (page.Count == 0) throw new InvalidOperationException($"the fetch stopped after {received} of {Group.Messages} messages");
            (pages, received, after) = (pages + 1, received + page.Count, page.Last);
        }
        return pages;
    }

    public static Fetcher For(string surface, FetchGroup group, HttpClient http, GrpcChannel grpc) => surface switch
    {
        "protobuf" => new ProtobufFetcher(group, http),
        "json" => new JsonFetcher(group, http),
        "grpc" => new GrpcFetcher(group, grpc),
        _ => throw new ArgumentException($"unknown surface {surface} (protobuf, grpc, json)"),
    };

    protected HttpRequestMessage Get(ulong after)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/groups/{Group.GroupId}/messages?after={after}&limit=500");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {Group.Token}");
        return request;
    }

    protected static void EnsureOk(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"the fetch answered {(int)response.StatusCode}");
    }
}

/// <summary>The spec surface: the response's StoredMessage fields decoded one by one from the stream.</summary>
internal sealed class ProtobufFetcher(FetchGroup group, HttpClient http) : Fetcher(group)
{
    public override async Task<Page> PageAsync(ulong after)
    {
        using var request = Get(after);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        EnsureOk(response);
        await using var body = await response.Content.ReadAsStreamAsync();
        var input = new CodedInputStream(body);
        var page = new Page(0, 0);
        while (input.ReadTag() != 0)
        {
            var message = new StoredMessage();
            input.ReadMessage(message);
            page = new Page(page.Count + 1, message.SequenceNum);
        }
        return page;
    }
}

/// <summary>JSON transcoding: the text is scanned as it arrives for each message's "sequenceNum".</summary>
internal sealed class JsonFetcher(FetchGroup group, HttpClient http) : Fetcher(group)
{
    private static readonly byte[] Key = "\"sequenceNum\""u8.ToArray();

    public override async Task<Page> PageAsync(ulong after)
    {
        using var request = Get(after);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        EnsureOk(response);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var (count, last, value, matched, state) = (0, 0UL, 0UL, 0, 0); // state: 0 looking for the key, 1 before its number, 2 in it
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                var digit = b is >= (byte)'0' and <= (byte)'9';
                if (state == 1)
                {
                    if (digit) (state, value) = (2, (ulong)(b - '0'));
                }
                else if (state == 2)
                {
                    if (digit) value = value * 10 + (ulong)(b - '0');
                    else (state, count, last) = (0, count + 1, value);
                }
                else if (b == Key[matched])
                {
                    if (++matched == Key.Length) (matched, state) = (0, 1);
                }
                else
                {
                    matched = b == Key[0] ? 1 : 0;
                }
            }
        }
        return new Page(count, last);
    }
}

/// <summary>gRPC, through the generic call API (the benchmarks carry only the wire messages, not the services).</summary>
internal sealed class GrpcFetcher(FetchGroup group, GrpcChannel channel) : Fetcher(group)
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);
    private static readonly Method<byte[], byte[]> GetMessages = new(MethodType.Unary, "conclave.server.v1.Messages", "GetMessages", Raw, Raw);

    public override async Task<Page> PageAsync(ulong after)
    {
        // conclave.server.v1.GetMessagesRequest: group_id = 1, after = 2, limit = 3.
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteString(Group.GroupId.ToString());
        output.WriteTag(2, WireFormat.WireType.Varint);
        output.WriteInt64((long)after);
        output.WriteTag(3, WireFormat.WireType.Varint);
        output.WriteInt64(500);
        output.Flush();
        var call = channel.CreateCallInvoker().AsyncUnaryCall(GetMessages, null,
            new CallOptions(new Metadata { { "authorization", $"Bearer {Group.Token}" } }), stream.ToArray());
        var response = GetMessagesResponse.Parser.ParseFrom(await call.ResponseAsync);
        return new Page(response.Messages.Count, response.Messages.Count == 0 ? 0 : response.Messages[^1].SequenceNum);
    }
}
