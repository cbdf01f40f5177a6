using System.Diagnostics;
using System.Net;
using System.Text;
using Conclave.Benchmarks.Shared;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Benchmarks.EventStreams;

/// <summary>
/// Latency from sending a message to its NewMessageEvent arriving on the streams of all other members of a large
/// public group, through the public API only: register, create group, make it public, store a GroupInfo, join, send.
/// </summary>
internal static class FanOut
{
    public sealed record Result(int Recipients, List<double> LatenciesMs);

    public static async Task<Result> MeasureAsync(string serverDll, bool? serverGc, int members, int messages)
    {
        await using var server = await ServerProcess.StartAsync(serverDll, serverGc);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var api = new SpecApi(http);

        // The group routes first, so that a build without them stops before a thousand registrations.
        var owner = (await api.NewAccountsAsync(1, "owner"))[0];
        var created = await api.SendAsync<CreateGroupResponse>(HttpMethod.Post, "/api/v1/groups",
            new CreateGroupRequest { GroupName = "fanout", Alias = "Fan-out" }, owner.Token, HttpStatusCode.Created);
        var group = $"/api/v1/groups/{new Guid(created.GroupId.Span, bigEndian: true)}";
        await api.SendAsync<UpdateGroupResponse>(HttpMethod.Patch, group, new UpdateGroupRequest { Visibility = GroupVisibility.Public }, owner.Token);
        await api.SendAsync<UploadCommitResponse>(HttpMethod.Post, $"{group}/commit",
            new UploadCommitRequest { GroupInfo = ByteString.CopyFromUtf8("opaque group info") }, owner.Token);
        await api.SendAsync<SendMessageResponse>(HttpMethod.Post, $"{group}/messages", new SendMessageRequest(), owner.Token);

        var others = await api.NewAccountsAsync(members - 1, "member");
        await Parallel.ForEachAsync(others, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (member, _) =>
            await api.SendAsync<GetGroupInfoResponse>(HttpMethod.Post, $"{group}/join", null, member.Token));

        var arrivals = new Arrivals(others.Count);
        using var stop = new CancellationTokenSource();
        var bodies = new Stream[others.Count];
        await Parallel.ForAsync(0, others.Count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            bodies[i] = await OpenStreamAsync(http, others[i].Token));
        var readers = bodies.Select(body => Task.Run(() => ReadAsync(body, arrivals, stop.Token))).ToList();

        var latencies = new List<double>();
        var payload = ByteString.CopyFrom(new byte[256]);
        for (var i = 0; i < messages; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            var response = await api.SendAsync<SendMessageResponse>(HttpMethod.Post, $"{group}/messages",
                new SendMessageRequest { MlsMessage = payload }, owner.Token);
            var last = await arrivals.LastArrivalAsync(response.SequenceNum, TimeSpan.FromSeconds(10))
                ?? throw new TimeoutException($"message {response.SequenceNum} did not reach every member within 10 s");
            latencies.Add(Stopwatch.GetElapsedTime(sent, last).TotalMilliseconds);
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        foreach (var body in bodies) await body.DisposeAsync();
        await Task.WhenAll(readers);
        return new Result(others.Count, latencies);
    }

    private static async Task<Stream> OpenStreamAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new UnavailableException($"GET /api/v1/events answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStreamAsync();
    }

    private static async Task ReadAsync(Stream body, Arrivals arrivals, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var carry = "";
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(buffer, cancellationToken);
                if (read == 0) return;
                var frames = (carry + Encoding.ASCII.GetString(buffer, 0, read)).Split("\n\n");
                carry = frames[^1];
                foreach (var frame in frames[..^1])
                {
                    if (!frame.StartsWith("data: ", StringComparison.Ordinal)) continue; // keep-alives, lag notices
                    var serverEvent = ServerEvent.Parser.ParseFrom(Convert.FromHexString(frame.AsSpan("data: ".Length)));
                    if (serverEvent.EventCase == ServerEvent.EventOneofCase.NewMessage) arrivals.Record(serverEvent.NewMessage.SequenceNum);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // the benchmark is over
        }
    }
}
