using System.Net;
using Conclave.Benchmarks.Shared;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Benchmarks.FetchMemory;

/// <summary>The group the fetches read, and its one member's session.</summary>
internal sealed record FetchGroup(Guid GroupId, string Token, int Messages)
{
    /// <summary>Fills <paramref name="database"/> through a server of its own, stopped before anything is measured.</summary>
    public static async Task<FetchGroup> SeedAsync(string serverDll, string database, int messages, int size)
    {
        await using var server = await ServerProcess.StartAsync(serverDll, null, null, new Dictionary<string, object> { ["database_path"] = database });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var api = new SpecApi(http);
        var owner = (await api.NewAccountsAsync(1, "fetcher")).Single();
        var created = await api.SendAsync<CreateGroupResponse>(HttpMethod.Post, "/api/v1/groups",
            new CreateGroupRequest { GroupName = "fetch_memory" }, owner.Token, HttpStatusCode.Created);
        var groupId = new Guid(created.GroupId.Span, bigEndian: true);
        var content = new byte[size];
        Random.Shared.NextBytes(content);
        var send = new SendMessageRequest { MlsMessage = ByteString.CopyFrom(content) };
        await Parallel.ForAsync(0, messages, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
            await api.SendAsync<SendMessageResponse>(HttpMethod.Post, $"/api/v1/groups/{groupId}/messages", send, owner.Token));
        return new FetchGroup(groupId, owner.Token, messages);
    }
}
