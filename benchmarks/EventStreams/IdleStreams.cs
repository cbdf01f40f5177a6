using System.Net;
using System.Net.Sockets;
using System.Text;
using Conclave.Benchmarks.Shared;
using Conclave.V1;

namespace Conclave.Benchmarks.EventStreams;

/// <summary>Server memory per open, idle SSE stream: RSS growth of the server process divided by the number of streams.</summary>
internal static class IdleStreams
{
    private const int StreamsPerUser = 100;
    private const int WarmUpStreams = 200;
    private const int Concurrency = 32;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<double> MeasureBytesPerStreamAsync(string serverDll, bool? serverGc, int streams)
    {
        await using var server = await ServerProcess.StartAsync(serverDll, serverGc);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var api = new SpecApi(http);
        var accounts = await api.NewAccountsAsync((streams + StreamsPerUser - 1) / StreamsPerUser, $"idle{streams}_");

        // Warm up: a few streams (JIT, first-use allocations), then as many plain authenticated requests as streams
        // will be opened, so that the baseline has seen a burst of that size (GC budgets, thread pool) without keeping
        // anything alive. Warming up with N streams instead would hide their cost in the memory they give back.
        foreach (var socket in await OpenAsync(server.Port, accounts, WarmUpStreams)) socket.Dispose();
        await Parallel.ForAsync(0, streams, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
            await api.SendAsync<UserInfoResponse>(HttpMethod.Get, "/api/v1/me", null, accounts[i % accounts.Count].Token));
        var before = await SettledResidentBytesAsync(server);

        var open = await OpenAsync(server.Port, accounts, streams);
        var after = await SettledResidentBytesAsync(server);
        open.ForEach(socket => socket.Dispose());
        return (after - before) / (double)streams;
    }

    private static async Task<long> SettledResidentBytesAsync(ServerProcess server)
    {
        await Task.Delay(Settle); // RSS is sampled several times and the median taken: the GC trims memory in steps
        var samples = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            samples.Add(server.ResidentBytes());
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        return samples.Order().ElementAt(samples.Count / 2);
    }

    private static async Task<List<Socket>> OpenAsync(int port, List<SpecApi.Account> accounts, int count)
    {
        var sockets = new Socket[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
            sockets[i] = await OpenOneAsync(port, accounts[i % accounts.Count].Token));
        return [.. sockets];
    }

    // A bare HTTP/1.1 request; the response head is read, the body (nothing, the stream is idle) never is.
    private static async Task<Socket> OpenOneAsync(int port, string token)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n"));
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0) throw new InvalidOperationException("the server closed an event stream at once");
            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        if (!head.ToString().StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
            throw new InvalidOperationException($"event stream refused: {head.ToString().Split("\r\n")[0]}");
        return socket;
    }
}
