using Conclave.Application.Common.Settings;
using Conclave.Application.Groups.Commands.CreateGroup;
using Conclave.Application.Groups.Commands.DeleteGroup;
using Conclave.Application.Groups.Commands.UpdateGroup;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Groups;

// CLARIFICATIONS R14, R16, R19: the handlers' branches in the reference order.
public sealed class GroupHandlerTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New();
    private readonly IGroupRepository _groups = Substitute.For<IGroupRepository>();
    private readonly Group _group = GroupBuilder.With(Alice, Bob);

    public GroupHandlerTests() => _groups.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns(_group);

    [Fact]
    public async Task Create_adds_a_group_with_the_caller_as_admin()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_000));
        Group? added = null;
        _groups.Add(Arg.Do<Group>(g => added = g));

        var id = await new CreateGroupHandler(_groups, clock).Handle(new CreateGroupCommand(Alice, "club", "Club"), default);

        Assert.NotNull(added);
        Assert.Equal((id, "club", "Club", 1_000L), (added.Id, added.Name, added.Alias, added.CreatedAt));
        Assert.Equal(GroupRole.Admin, added.RoleOf(Alice));
    }

    [Fact]
    public async Task Create_refuses_a_taken_name_and_adds_nothing()
    {
        _groups.NameTakenAsync("club", Arg.Any<CancellationToken>()).Returns(true);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            new CreateGroupHandler(_groups, TimeProvider.System).Handle(new CreateGroupCommand(Alice, "club", ""), default));

        Assert.Equal((DomainError.Conflict, "group_name 'club' already exists"), (refusal.Error, refusal.Message));
        _groups.DidNotReceive().Add(Arg.Any<Group>());
    }

    [Fact]
    public async Task Update_applies_the_settings_within_the_servers_retention()
    {
        await Update(new UpdateGroupCommand(_group.Id, Alice, "Alias", "renamed", 60, 2), retention: 60);
        Assert.Equal(("Alias", "renamed", 60L, GroupVisibility.Public), (_group.Alias, _group.Name, _group.MessageExpirySeconds, _group.Visibility));
    }

    [Fact]
    public async Task Update_checks_the_name_conflict_before_the_expiry_and_changes_nothing()
    {
        _groups.NameTakenAsync("taken", Arg.Any<CancellationToken>()).Returns(true);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Update(new UpdateGroupCommand(_group.Id, Alice, "Alias", "taken", -5, 0)));

        Assert.Equal((DomainError.Conflict, "group_name 'taken' already exists"), (refusal.Error, refusal.Message));
        Assert.Equal(("", "group"), (_group.Alias, _group.Name));
    }

    [Fact]
    public async Task Update_to_the_current_name_is_not_a_conflict()
    {
        _groups.NameTakenAsync("group", Arg.Any<CancellationToken>()).Returns(true);
        await Update(new UpdateGroupCommand(_group.Id, Alice, "", "group", null, 0));
        Assert.Single(_group.DomainEvents);
    }

    [Fact]
    public async Task Update_refuses_an_expiry_above_the_servers_retention_leaving_the_alias()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Update(new UpdateGroupCommand(_group.Id, Alice, "Alias", "", 61, 0), retention: 60));
        Assert.Equal("group expiry cannot exceed server retention policy", refusal.Message);
        Assert.Equal("", _group.Alias);
    }

    [Fact]
    public async Task Update_of_a_group_deleted_since_the_access_check_is_not_admin()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Update(new UpdateGroupCommand(GroupId.New(), Alice, "", "", null, 0)));
        Assert.Equal((DomainError.NotAdmin, AdminOnly.UpdateSettings), (refusal.Error, refusal.Message));
    }

    [Fact]
    public async Task Delete_removes_the_group_and_announces_it()
    {
        await new DeleteGroupHandler(_groups).Handle(new DeleteGroupCommand(_group.Id, Alice), default);

        await _groups.Received(1).DeleteAsync(_group, Arg.Any<CancellationToken>());
        Assert.IsType<GroupDeleted>(Assert.Single(_group.DomainEvents));
    }

    [Fact]
    public async Task Delete_by_a_member_who_lost_admin_rights_deletes_nothing()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => new DeleteGroupHandler(_groups).Handle(new DeleteGroupCommand(_group.Id, Bob), default));
        Assert.Equal((DomainError.NotAdmin, AdminOnly.DeleteGroup), (refusal.Error, refusal.Message));
        await _groups.DidNotReceive().DeleteAsync(Arg.Any<Group>(), Arg.Any<CancellationToken>());
    }

    private Task Update(UpdateGroupCommand command, long retention = -1) =>
        new UpdateGroupHandler(_groups, new ServerSettings { MessageRetentionSeconds = retention }).Handle(command, default);
}
