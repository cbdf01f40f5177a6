using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Members;

// CLARIFICATIONS R24-R26, §6.1, checklist 105-108.
public sealed class RoleTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Promote_then_demote_changes_the_role_and_the_admin_list()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();

        await Spec.PostAsync(group.Path("/promote"), new PromoteMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();
        Assert.Equal(new[] { alice.Id, bob.Id }.Select(Hex).Order(StringComparer.Ordinal), (await AdminsAsync(group, bob)).Select(a => Hex(a.UserId)));

        await Spec.PostAsync(group.Path("/demote"), new DemoteMemberRequest { UserId = alice.Id }, bob.Token).OkAsync();
        var admin = Assert.Single(await AdminsAsync(group, alice)); // any member may list them
        Assert.Equal((bob.Id, bob.Username, GroupRole.Admin), (admin.UserId, admin.Username, admin.Role));
    }

    [Fact]
    public async Task An_admin_may_demote_themselves_while_another_admin_remains()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await Spec.PostAsync(group.Path("/promote"), new PromoteMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();
        await Spec.PostAsync(group.Path("/demote"), new DemoteMemberRequest { UserId = alice.Id }, alice.Token).OkAsync();
        Assert.Equal(bob.Id, Assert.Single(await AdminsAsync(group, alice)).UserId);
    }

    [Theory]
    [InlineData("/promote", "only group admins can promote members")]
    [InlineData("/demote", "only group admins can demote members")]
    public async Task Non_admins_are_refused_before_the_body_is_checked(string route, string message)
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path(route), new PromoteMemberRequest { UserId = alice.Id }, bob.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, message);
        await SpecClient.AssertErrorAsync(await Spec.PostAsync($"/api/v1/groups/{Guid.NewGuid()}{route}", new PromoteMemberRequest(), alice.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, message);
    }

    [Theory]
    [InlineData("/promote")]
    [InlineData("/demote")]
    public async Task The_target_must_be_a_16_byte_id_of_an_existing_user(string route)
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path(route), new PromoteMemberRequest(), alice.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputValidation, "invalid user_id");
        var unknown = new PromoteMemberRequest { UserId = ByteString.CopyFrom(Guid.NewGuid().ToByteArray(bigEndian: true)) };
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path(route), unknown, alice.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "user not found");
    }

    [Fact]
    public async Task Promote_refuses_non_members_and_admins()
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        var carol = await Spec.NewUserAsync("carol");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/promote"), new PromoteMemberRequest { UserId = carol.Id }, alice.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "user is not a member of this group");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/promote"), new PromoteMemberRequest { UserId = alice.Id }, alice.Token),
            HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "user is already an admin");
    }

    [Fact]
    public async Task Demote_refuses_non_admins_non_members_and_the_last_admin()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        var carol = await Spec.NewUserAsync("carol");
        foreach (var target in new[] { bob, carol })
            await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/demote"), new DemoteMemberRequest { UserId = target.Id }, alice.Token),
                HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "user is not an admin");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/demote"), new DemoteMemberRequest { UserId = alice.Id }, alice.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "cannot demote the last admin");
    }

    [Fact]
    public async Task Admins_are_listed_to_members_only()
    {
        var (_, _, group) = await GroupOfTwoAsync();
        var stranger = await Spec.NewUserAsync("stranger");
        await SpecClient.AssertErrorAsync(await Spec.GetAsync(group.Path("/admins"), stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
    }

    private async Task<(TestUser Alice, TestUser Bob, TestGroup Group)> GroupOfTwoAsync()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);
        return (alice, bob, group);
    }

    private async Task<List<GroupMember>> AdminsAsync(TestGroup group, TestUser caller) =>
        [.. (await SpecClient.ReadAsync<ListAdminsResponse>(await Spec.GetAsync(group.Path("/admins"), caller.Token))).Admins];

    private static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);
}
