using System.Net;
using Conclave.Benchmarks.Shared;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Benchmarks.Load;

/// <summary>What the scenarios need on the server, made through the public API.</summary>
internal sealed record Fixture(
    SpecApi.Account Sender,
    string SenderName,
    IReadOnlyList<Guid> SendGroups,
    Guid FetchGroup,
    long FetchAfter,
    SpecApi.Account Lister,
    Guid ChatGroup,
    IReadOnlyList<SpecApi.Account> ChatMembers)
{
    public const string Password = "benchmark-password";

    public static async Task<Fixture> CreateAsync(SpecApi api, Sizes sizes)
    {
        var sender = (await api.NewAccountsAsync(1, "sender"))[0];
        var sendGroups = new Guid[sizes.SpreadGroups];
        await Parallel.ForAsync(0, sizes.SpreadGroups, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            sendGroups[i] = await CreateGroupAsync(api, sender, $"spread{i}"));

        var fetchGroup = await CreateGroupAsync(api, sender, "fetch");
        var ciphertext = new SendMessageRequest { MlsMessage = ByteString.CopyFrom(Ciphertext.New()) };
        for (var i = 0; i < sizes.FetchAfter + 100; i++)
            await api.SendAsync<SendMessageResponse>(HttpMethod.Post, $"/api/v1/groups/{fetchGroup}/messages", ciphertext, sender.Token);

        // The lister and the other members of each of its groups; the others join through the public-group door.
        var members = await api.NewAccountsAsync(sizes.ListMembers, "member");
        var lister = members[0];
        var listGroups = new Guid[sizes.ListGroups];
        await Parallel.ForAsync(0, sizes.ListGroups, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (g, _) =>
        {
            var group = listGroups[g] = await CreateGroupAsync(api, lister, $"list{g}");
            var path = $"/api/v1/groups/{group}";
            await api.SendAsync<UpdateGroupResponse>(HttpMethod.Patch, path, new UpdateGroupRequest { Visibility = GroupVisibility.Public }, lister.Token);
            await api.SendAsync<UploadCommitResponse>(HttpMethod.Post, $"{path}/commit",
                new UploadCommitRequest { GroupInfo = ByteString.CopyFromUtf8("opaque group info") }, lister.Token);
            foreach (var member in members.Skip(1))
                await api.SendAsync<GetGroupInfoResponse>(HttpMethod.Post, $"{path}/join", null, member.Token);
        });
        // One of the lister's groups is also where every member sends, as people in a real group do.
        return new Fixture(sender, "sender0", sendGroups, fetchGroup, sizes.FetchAfter, lister, listGroups[0], members);
    }

    private static async Task<Guid> CreateGroupAsync(SpecApi api, SpecApi.Account owner, string name)
    {
        var created = await api.SendAsync<CreateGroupResponse>(HttpMethod.Post, "/api/v1/groups",
            new CreateGroupRequest { GroupName = name }, owner.Token, HttpStatusCode.Created);
        return new Guid(created.GroupId.Span, bigEndian: true);
    }
}

internal sealed record Sizes(int SpreadGroups, int FetchAfter, int ListGroups, int ListMembers)
{
    public static readonly Sizes Full = new(100, 20, 50, 20);
    public static readonly Sizes Smoke = new(10, 5, 3, 3);
}

internal static class Ciphertext
{
    /// <summary>1 KiB of random bytes: an MLS ciphertext is incompressible and opaque to the server.</summary>
    public static byte[] New()
    {
        var bytes = new byte[1024];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
