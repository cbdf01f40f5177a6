using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Groups;

// CLARIFICATIONS R16 and checklist 84, 86-91, with decision 12: a refused update changes nothing.
public sealed class UpdateGroupTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string NotAdmin = "only group admins can update group settings";
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Applies_alias_name_expiry_and_visibility()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        var newName = GroupSteps.UniqueName("renamed");

        await Spec.PatchAsync(group.Path(), new UpdateGroupRequest
        {
            Alias = "New alias", GroupName = newName, MessageExpirySeconds = 3600, UpdateMessageExpiry = true, Visibility = GroupVisibility.Public,
        }, alice.Token).OkAsync();

        var listed = await Spec.ListedAsync(group, alice);
        Assert.Equal(("New alias", newName, 3600L, GroupVisibility.Public), (listed.Alias, listed.GroupName, listed.MessageExpirySeconds, listed.Visibility));
    }

    [Fact]
    public async Task Empty_fields_change_nothing_and_the_alias_cannot_be_cleared()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice, alias: "Kept");

        await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { MessageExpirySeconds = 0 }, alice.Token).OkAsync(); // expiry flag off

        var listed = await Spec.ListedAsync(group, alice);
        Assert.Equal(("Kept", group.Name, -1L, GroupVisibility.Private), (listed.Alias, listed.GroupName, listed.MessageExpirySeconds, listed.Visibility));
    }

    [Fact]
    public async Task Renaming_to_the_current_name_is_not_a_conflict()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { GroupName = group.Name }, alice.Token).OkAsync();
    }

    [Fact]
    public async Task A_name_taken_by_another_group_is_a_conflict_and_nothing_changes()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice, alias: "Before");
        var other = await Spec.CreateGroupAsync(alice);

        var response = await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { Alias = "After", GroupName = other.Name }, alice.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCode.ResourceConflict, $"group_name '{other.Name}' already exists");
        Assert.Equal("Before", (await Spec.ListedAsync(group, alice)).Alias);
    }

    [Theory]
    [InlineData("alias\n", "", ErrorCode.InputValidation, "alias must not contain ASCII control characters")]
    [InlineData("", "bad-name", ErrorCode.InputValidation, "group name must start with a letter or digit and contain only ASCII letters, digits, and underscores")]
    [InlineData("", "a123456789a123456789a123456789a123456789a123456789a123456789abcde", ErrorCode.InputValidation, "group name exceeds maximum length of 64 characters")]
    public async Task Rejects_bad_alias_or_name(string alias, string name, ErrorCode code, string message)
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        var response = await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { Alias = alias, GroupName = name }, alice.Token);
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, code, message);
    }

    [Fact]
    public async Task Expiry_below_minus_one_is_refused()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        var response = await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { MessageExpirySeconds = -2, UpdateMessageExpiry = true }, alice.Token);
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "message_expiry_seconds must be -1, 0, or positive");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public async Task Visibility_other_than_private_or_public_is_refused(int visibility)
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        var response = await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { Visibility = (GroupVisibility)visibility }, alice.Token);
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputValidation, "visibility must be 'private' (1) or 'public' (2)");
    }

    [Fact]
    public async Task A_late_failure_leaves_the_earlier_fields_unchanged() // decision 12; the reference keeps alias and name (C36)
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice, alias: "Before");

        var response = await Spec.PatchAsync(group.Path(), new UpdateGroupRequest
        {
            Alias = "After", GroupName = GroupSteps.UniqueName("renamed"), MessageExpirySeconds = 60, UpdateMessageExpiry = true, Visibility = (GroupVisibility)7,
        }, alice.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputValidation);
        var listed = await Spec.ListedAsync(group, alice);
        Assert.Equal(("Before", group.Name, -1L, GroupVisibility.Private), (listed.Alias, listed.GroupName, listed.MessageExpirySeconds, listed.Visibility));
    }

    [Fact]
    public async Task Members_non_members_and_unknown_groups_get_not_admin_even_with_a_bad_body()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var stranger = await Spec.NewUserAsync("stranger");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);
        var bad = new UpdateGroupRequest { GroupName = "bad name" };

        foreach (var (path, caller) in new[] { (group.Path(), bob), (group.Path(), stranger), ($"/api/v1/groups/{Guid.NewGuid()}", alice) })
            await SpecClient.AssertErrorAsync(await Spec.PatchAsync(path, bad, caller.Token), HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, NotAdmin);
    }

    [Fact]
    public async Task A_malformed_path_id_is_400_before_the_admin_check()
    {
        var alice = await Spec.NewUserAsync("alice");
        var response = await Spec.PatchAsync("/api/v1/groups/not-a-uuid", new UpdateGroupRequest(), alice.Token);
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest);
    }

    [Fact]
    public async Task Expiry_above_a_positive_server_retention_is_refused()
    {
        await using var server = await TestServer.StartAsync(c => c with { MessageRetention = "1h" });
        var alice = await server.Spec.NewUserAsync("alice");
        var group = await server.Spec.CreateGroupAsync(alice);

        var tooLong = await server.Spec.PatchAsync(group.Path(), new UpdateGroupRequest { MessageExpirySeconds = 3601, UpdateMessageExpiry = true }, alice.Token);
        await SpecClient.AssertErrorAsync(tooLong, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "group expiry cannot exceed server retention policy");
        await server.Spec.PatchAsync(group.Path(), new UpdateGroupRequest { MessageExpirySeconds = 3600, UpdateMessageExpiry = true }, alice.Token).OkAsync();
        await server.Spec.PatchAsync(group.Path(), new UpdateGroupRequest { MessageExpirySeconds = -1, UpdateMessageExpiry = true }, alice.Token).OkAsync();
    }

    [Fact]
    public async Task Any_expiry_is_accepted_when_the_server_retention_is_zero()
    {
        await using var server = await TestServer.StartAsync(c => c with { MessageRetention = "0" });
        var alice = await server.Spec.NewUserAsync("alice");
        var group = await server.Spec.CreateGroupAsync(alice);
        await server.Spec.PatchAsync(group.Path(), new UpdateGroupRequest { MessageExpirySeconds = 999_999, UpdateMessageExpiry = true }, alice.Token).OkAsync();
        Assert.Equal(999_999, (await server.Spec.ListedAsync(group, alice)).MessageExpirySeconds);
    }
}
