using Conclave.Application.Common.Settings;
using Conclave.Application.Groups.Commands.UpdateGroup;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using NSubstitute;

namespace Conclave.Application.UnitTests.Groups;

// CLARIFICATIONS R16: the handler's branches in the reference order.
public sealed class UpdateGroupHandlerTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New();
    private readonly IGroupRepository _groups = Substitute.For<IGroupRepository>();
    private readonly Group _group = GroupBuilder.With(Alice, Bob);

    public UpdateGroupHandlerTests() => _groups.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns(_group);

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

    private Task Update(UpdateGroupCommand command, long retention = -1) =>
        new UpdateGroupHandler(_groups, new ServerSettings { MessageRetentionSeconds = retention }).Handle(command, default);
}
