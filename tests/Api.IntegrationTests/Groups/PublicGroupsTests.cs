using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Groups;

// CLARIFICATIONS R13, C37, checklist 96. Each test has its own server: the listing is global.
public sealed class PublicGroupsTests
{
    [Fact]
    public async Task Lists_only_public_groups_by_binary_name_with_member_counts()
    {
        await using var server = await TestServer.StartAsync();
        var alice = await server.Spec.NewUserAsync("alice");
        var bob = await server.Spec.NewUserAsync("bob");
        var lower = await server.Spec.WithMembersAsync(await server.Spec.CreateGroupAsync(alice, "lounge", "The lounge"), bob);
        var upper = await server.Spec.CreateGroupAsync(alice, "Zoo");
        await server.Spec.OpenAsync(upper);
        await server.Spec.CreateGroupAsync(alice, "hidden");

        var groups = await ListAsync(server, bob);

        Assert.Equal(["Zoo", "lounge"], groups.Select(g => g.GroupName));
        Assert.Equal((lower.Id, "The lounge", 2u), (groups[1].GroupId, groups[1].Alias, groups[1].MemberCount));
        Assert.Equal(("", 1u), (groups[0].Alias, groups[0].MemberCount));
    }

    [Theory]
    [InlineData("", new[] { "DevChat", "devXchat", "dev_chat", "music" })] // binary order: 'X' < '_'
    [InlineData("dev", new[] { "DevChat", "devXchat", "dev_chat" })]       // ASCII case-insensitive
    [InlineData("DEV_CHAT", new[] { "devXchat", "dev_chat" })]             // '_' matches exactly one character
    [InlineData("v%at", new[] { "DevChat", "devXchat", "dev_chat" })]      // '%' matches any run
    [InlineData("usi", new[] { "music" })]
    [InlineData("nothing", new string[0])]
    public async Task The_pattern_has_like_semantics(string pattern, string[] expected)
    {
        await using var server = await TestServer.StartAsync();
        var alice = await server.Spec.NewUserAsync("alice");
        foreach (var name in new[] { "dev_chat", "devXchat", "DevChat", "music" })
            await server.Spec.OpenAsync(await server.Spec.CreateGroupAsync(alice, name));

        var groups = await ListAsync(server, alice, $"?pattern={Uri.EscapeDataString(pattern)}");

        Assert.Equal(expected, groups.Select(g => g.GroupName));
    }

    [Fact]
    public async Task An_empty_public_group_is_listed_with_no_members()
    {
        await using var server = await TestServer.StartAsync();
        var alice = await server.Spec.NewUserAsync("alice");
        var group = await server.Spec.CreateGroupAsync(alice);
        await server.Spec.OpenAsync(group);
        await server.Spec.PostAsync(group.Path("/leave"), new LeaveGroupRequest(), alice.Token).OkAsync();

        Assert.Equal(0u, Assert.Single(await ListAsync(server, alice)).MemberCount);
    }

    [Fact]
    public async Task Requires_authentication()
    {
        await using var server = await TestServer.StartAsync();
        await SpecClient.AssertErrorAsync(await server.Spec.GetAsync("/api/v1/groups/public"), HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing);
    }

    private static async Task<List<PublicGroupInfo>> ListAsync(TestServer server, TestUser caller, string query = "")
    {
        var response = await server.Spec.GetAsync("/api/v1/groups/public" + query, caller.Token);
        return [.. (await SpecClient.ReadAsync<ListPublicGroupsResponse>(response)).Groups];
    }
}
