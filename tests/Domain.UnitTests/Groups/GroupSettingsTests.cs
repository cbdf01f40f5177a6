using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.UnitTests.Groups;

// CLARIFICATIONS R16 in its order, all or nothing (decision 12).
public sealed class GroupSettingsTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New();
    private readonly Group _group = GroupBuilder.With(Alice, Bob);

    [Fact]
    public void Applies_every_given_setting_and_announces_it_to_all_members()
    {
        _group.UpdateSettings(Alice, "Alias", "renamed", 3600, (int)GroupVisibility.Public, serverRetention: -1);

        Assert.Equal(("Alias", "renamed", 3600L, GroupVisibility.Public), (_group.Alias, _group.Name, _group.MessageExpirySeconds, _group.Visibility));
        Assert.Equal([Alice, Bob], Assert.IsType<GroupSettingsUpdated>(Assert.Single(_group.DomainEvents)).Members);
    }

    [Fact]
    public void Empty_values_change_nothing_but_the_update_is_still_announced()
    {
        _group.UpdateSettings(Alice, "", "", null, 0, serverRetention: -1);

        Assert.Equal(("", "group", -1L, GroupVisibility.Private), (_group.Alias, _group.Name, _group.MessageExpirySeconds, _group.Visibility));
        Assert.IsType<GroupSettingsUpdated>(Assert.Single(_group.DomainEvents));
    }

    [Fact]
    public void Only_admins_may_update()
    {
        var refusal = GroupBuilder.Refusal(() => _group.UpdateSettings(Bob, "x", "", null, 0, -1));
        Assert.Equal((DomainError.NotAdmin, AdminOnly.UpdateSettings), (refusal.Error, refusal.Message));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(long.MinValue)]
    public void Expiry_below_minus_one_is_refused(long expiry)
    {
        var refusal = GroupBuilder.Refusal(() => _group.UpdateSettings(Alice, "", "", expiry, 0, -1));
        Assert.Equal((DomainError.BadRequest, "message_expiry_seconds must be -1, 0, or positive"), (refusal.Error, refusal.Message));
    }

    [Theory]
    [InlineData(-1, 100, true)]
    [InlineData(0, long.MaxValue, true)]     // server 0: no check (C45)
    [InlineData(60, 60, true)]
    [InlineData(60, 0, true)]
    [InlineData(60, -1, true)]
    [InlineData(60, 61, false)]
    public void Expiry_may_not_exceed_a_positive_server_retention(long serverRetention, long expiry, bool accepted)
    {
        var attempt = () => _group.UpdateSettings(Alice, "", "", expiry, 0, serverRetention);
        if (accepted)
        {
            attempt();
            Assert.Equal(expiry, _group.MessageExpirySeconds);
        }
        else
        {
            var refusal = GroupBuilder.Refusal(attempt);
            Assert.Equal((DomainError.BadRequest, "group expiry cannot exceed server retention policy"), (refusal.Error, refusal.Message));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void Visibility_must_be_private_or_public(int visibility)
    {
        var refusal = GroupBuilder.Refusal(() => _group.UpdateSettings(Alice, "", "", null, visibility, -1));
        Assert.Equal((DomainError.Validation, "visibility must be 'private' (1) or 'public' (2)"), (refusal.Error, refusal.Message));
    }

    [Fact]
    public void A_refused_update_changes_nothing_and_announces_nothing()
    {
        GroupBuilder.Refusal(() => _group.UpdateSettings(Alice, "Alias", "renamed", 60, 9, -1));

        Assert.Equal(("", "group", -1L, GroupVisibility.Private), (_group.Alias, _group.Name, _group.MessageExpirySeconds, _group.Visibility));
        Assert.Empty(_group.DomainEvents);
    }

    [Fact]
    public void The_expiry_is_checked_before_the_visibility()
    {
        var refusal = GroupBuilder.Refusal(() => _group.UpdateSettings(Alice, "", "", -5, 9, -1));
        Assert.Equal(DomainError.BadRequest, refusal.Error);
    }
}
