using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Groups;

// CLARIFICATIONS R15, §2.8, checklist 83.
public sealed class ListGroupsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Lists_only_the_callers_groups_by_binary_name_with_members_by_user_id()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var carol = await Spec.NewUserAsync("carol");
        var stem = Guid.NewGuid().ToString("N")[..10];
        var lower = await Spec.CreateGroupAsync(alice, "a" + stem);
        var upper = await Spec.CreateGroupAsync(alice, "Z" + stem);
        await Spec.CreateGroupAsync(bob, "b" + stem);
        await Spec.WithMembersAsync(lower, bob, carol);

        var response = await Spec.GetAsync("/api/v1/groups", alice.Token);
        var groups = (await SpecClient.ReadAsync<ListGroupsResponse>(response)).Groups;

        Assert.Equal(["Z" + stem, "a" + stem], groups.Select(g => g.GroupName)); // upper case sorts first
        var members = groups[1].Members;
        // Lower-case hex of the big-endian bytes is the reference's textual id order (§2.8).
        Assert.Equal(new[] { alice.Id, bob.Id, carol.Id }.Select(Hex).Order(StringComparer.Ordinal), members.Select(m => Hex(m.UserId)));
        Assert.Equal(GroupRole.Admin, members.Single(m => m.UserId == alice.Id).Role);
        Assert.Equal(GroupRole.Member, members.Single(m => m.UserId == bob.Id).Role);
        Assert.Equal(bob.Username, members.Single(m => m.UserId == bob.Id).Username);
        Assert.Equal(GroupVisibility.Public, groups[1].Visibility);
        Assert.Equal(GroupVisibility.Private, groups[0].Visibility);
    }

    [Fact]
    public async Task Members_carry_alias_and_fingerprint_or_empty_strings()
    {
        var alice = await Spec.NewUserAsync("alice");
        await Spec.PatchAsync("/api/v1/me", new UpdateProfileRequest { Alias = "Alice A." }, alice.Token).OkAsync();
        var group = await Spec.CreateGroupAsync(alice);

        var member = Assert.Single((await Spec.ListedAsync(group, alice)).Members);
        Assert.Equal("Alice A.", member.Alias);
        Assert.Equal("", member.SigningKeyFingerprint);
    }

    [Fact]
    public async Task A_user_without_groups_gets_an_empty_list()
    {
        var loner = await Spec.NewUserAsync("loner");
        using var response = await Spec.GetAsync("/api/v1/groups", loner.Token);
        Assert.Empty((await SpecClient.ReadAsync<ListGroupsResponse>(response)).Groups);
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Requires_authentication() =>
        await SpecClient.AssertErrorAsync(await Spec.GetAsync("/api/v1/groups"), HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing);

    private static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);
}
