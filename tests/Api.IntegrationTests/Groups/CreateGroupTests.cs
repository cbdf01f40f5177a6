using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Groups;

// CLARIFICATIONS R14, checklist 80-83.
public sealed class CreateGroupTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Creates_a_private_group_with_the_creator_as_its_only_admin()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice, alias: "Book club");

        var listed = await Spec.ListedAsync(group, alice);
        Assert.Equal(16, group.Id.Length);
        Assert.Equal(0x40, group.Id[6] & 0xF0); // random version-4 id (§2.4)
        Assert.Equal(group.Name, listed.GroupName);
        Assert.Equal("Book club", listed.Alias);
        Assert.Equal(-1, listed.MessageExpirySeconds);
        Assert.Equal(GroupVisibility.Private, listed.Visibility);
        Assert.Equal("", listed.MlsGroupId);
        var member = Assert.Single(listed.Members);
        Assert.Equal(alice.Id, member.UserId);
        Assert.Equal(GroupRole.Admin, member.Role);
        await SpecClient.AssertErrorAsync(await Spec.GetAsync(group.Path("/group-info"), alice.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "no group info available");
    }

    [Fact]
    public async Task Answers_201_with_protobuf()
    {
        var alice = await Spec.NewUserAsync("alice");
        using var response = await Spec.PostAsync("/api/v1/groups", new CreateGroupRequest { GroupName = GroupSteps.UniqueName() }, alice.Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("", ErrorCode.InputBadRequest, "group_name is required")]
    [InlineData("_starts_with_underscore", ErrorCode.InputValidation, "group name must start with a letter or digit and contain only ASCII letters, digits, and underscores")]
    [InlineData("has space", ErrorCode.InputValidation, "group name must start with a letter or digit and contain only ASCII letters, digits, and underscores")]
    [InlineData("trailing_newline\n", ErrorCode.InputValidation, "group name must start with a letter or digit and contain only ASCII letters, digits, and underscores")]
    [InlineData("a123456789a123456789a123456789a123456789a123456789a123456789abcde", ErrorCode.InputValidation, "group name exceeds maximum length of 64 characters")]
    public async Task Rejects_bad_group_names(string name, ErrorCode code, string message)
    {
        var alice = await Spec.NewUserAsync("alice");
        var response = await Spec.PostAsync("/api/v1/groups", new CreateGroupRequest { GroupName = name }, alice.Token);
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, code, message);
    }

    [Fact]
    public async Task Accepts_a_name_of_exactly_64_bytes()
    {
        var alice = await Spec.NewUserAsync("alice");
        var name = ("n" + Guid.NewGuid().ToString("N") + new string('x', 64))[..64];
        await Spec.CreateGroupAsync(alice, name);
    }

    [Theory]
    [InlineData("tab\there", "alias must not contain ASCII control characters")]
    [InlineData("del\u007F", "alias must not contain ASCII control characters")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二", "alias exceeds maximum length of 64 characters")] // 22 × 3 bytes
    public async Task Rejects_bad_aliases_after_the_name(string alias, string message)
    {
        var alice = await Spec.NewUserAsync("alice");
        var response = await Spec.PostAsync("/api/v1/groups", new CreateGroupRequest { GroupName = GroupSteps.UniqueName(), Alias = alias }, alice.Token);
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputValidation, message);
    }

    [Fact]
    public async Task A_taken_name_is_a_conflict_but_names_are_case_sensitive()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice, "Case_" + Guid.NewGuid().ToString("N")[..10]);

        var again = await Spec.PostAsync("/api/v1/groups", new CreateGroupRequest { GroupName = group.Name }, alice.Token);
        await SpecClient.AssertErrorAsync(again, HttpStatusCode.Conflict, ErrorCode.ResourceConflict, $"group_name '{group.Name}' already exists");
        await Spec.CreateGroupAsync(alice, group.Name.ToLowerInvariant());
    }

    [Fact]
    public async Task Requires_authentication()
    {
        var response = await Spec.PostAsync("/api/v1/groups", new CreateGroupRequest { GroupName = GroupSteps.UniqueName() });
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing);
    }
}
