using Conclave.Application.Plugins;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Plugin = Conclave.Plugins.Abstractions.Events;

namespace Conclave.Application.UnitTests.Plugins;

public sealed class PluginEventsTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New();
    private static readonly GroupId Group = GroupId.New();
    private static readonly InviteId Invite = InviteId.New();

    // One of each domain event; Every_domain_event_has_a_sample fails when a new kind is added without one here.
    public static readonly IDomainEvent[] Samples =
    [
        new UserRegistered(Alice, "alice"), new ProfileUpdated(Alice), new PasswordChanged(Alice), new SessionEnded(Alice, "token-hash"),
        new AccountReset(Alice), new SignedOutEverywhere(Alice), new AccountDeleted(Alice, [new GroupMembers(Group, [Bob])]),
        new GroupCreated(Group, Alice, "team"), new GroupSettingsUpdated(Group, Alice, [Alice, Bob]), new GroupDeleted(Group, Alice, [Alice, Bob]),
        new MemberAdded(Group, Bob, MembershipSource.PublicJoin), new MemberRemoved(Group, Alice, Bob, [Alice]), new MemberLeft(Group, Bob, [Alice]),
        new MemberRoleChanged(Group, Alice, Bob, GroupRole.Admin, [Alice, Bob]), new UserBanned(Group, Alice, Bob, true), new UserUnbanned(Group, Alice, Bob),
        new MessageSent(Group, 7, Alice, [Alice, Bob]), new CommitUploaded(Group, 8, Alice, [Alice, Bob]), new ExternalJoinCompleted(Group, Bob, true, 9, [Alice, Bob]),
        new InviteEscrowed(Invite, Group, "team", "Team", Alice, Bob), new InviteAccepted(Invite, Group, Bob, Alice, "Team", 10, [Alice, Bob]),
        new InviteDeclined(Invite, Group, Bob, Alice), new InviteCancelled(Invite, Group, Bob, Alice, Alice), new InviteDiscarded(Invite, Group, Bob, Alice),
    ];

    [Fact]
    public void Every_domain_event_has_a_sample()
    {
        var kinds = typeof(IDomainEvent).Assembly.GetTypes().Where(type => type.IsClass && typeof(IDomainEvent).IsAssignableFrom(type));
        Assert.Equal(kinds.Select(kind => kind.Name).Order(), Samples.Select(sample => sample.GetType().Name).Order());
    }

    [Fact]
    public void Every_domain_event_has_a_plugin_form() =>
        Assert.All(Samples, sample => Assert.NotNull(PluginEvents.From(sample)));

    [Fact]
    public void Plugin_forms_carry_plain_ids_and_metadata()
    {
        Assert.Equal(new Plugin.InviteAccepted(Invite.Value, Group.Value, Alice.Value, Bob.Value, 10),
            PluginEvents.From(new InviteAccepted(Invite, Group, Bob, Alice, "Team", 10, [Alice, Bob])));
        Assert.Equal(new Plugin.MemberRoleChanged(Group.Value, Alice.Value, Bob.Value, Plugin.MemberRole.Admin),
            PluginEvents.From(new MemberRoleChanged(Group, Alice, Bob, GroupRole.Admin, [Alice, Bob])));
        Assert.Equal(new Plugin.SessionEnded(Alice.Value), PluginEvents.From(new SessionEnded(Alice, "token-hash"))); // no token hash
        Assert.Equal([Group.Value], ((Plugin.AccountDeleted)PluginEvents.From(new AccountDeleted(Alice, [new GroupMembers(Group, [Bob])]))!).GroupIds);
    }

    [Fact]
    public void No_plugin_event_has_a_byte_field()
    {
        var fields = typeof(Plugin.ConclaveEvent).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Plugin.ConclaveEvent)))
            .SelectMany(type => type.GetProperties());
        Assert.DoesNotContain(fields, field => field.PropertyType == typeof(byte[]) || field.PropertyType == typeof(ReadOnlyMemory<byte>));
    }
}
