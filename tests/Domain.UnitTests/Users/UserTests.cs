using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;

namespace Conclave.Domain.UnitTests.Users;

public sealed class UserTests
{
    private static User Alice() => User.Register("alice", "$argon2id$hash", "Alice A.", 1_700_000_000);

    [Fact]
    public void Register_keeps_the_given_fields_and_raises_user_registered()
    {
        var user = Alice();

        Assert.Equal("alice", user.Username);
        Assert.Equal("$argon2id$hash", user.PasswordHash);
        Assert.Equal("Alice A.", user.Alias);
        Assert.Equal("", user.SigningKeyFingerprint);
        Assert.Equal(1_700_000_000, user.CreatedAt);
        var registered = Assert.IsType<UserRegistered>(Assert.Single(user.DomainEvents));
        Assert.Equal(new UserRegistered(user.Id, "alice"), registered);
    }

    [Fact]
    public void Register_gives_a_random_version_4_id()
    {
        var first = Alice().Id.Value;
        var second = Alice().Id.Value;

        Assert.NotEqual(first, second);
        var bytes = UuidBytes.Write(first);
        Assert.Equal(0x40, bytes[6] & 0xF0);   // version 4 (CLARIFICATIONS §2.4)
        Assert.Equal(0x80, bytes[8] & 0xC0);   // RFC 4122 variant
    }

    [Fact]
    public void Change_alias_replaces_it_and_raises_profile_updated()
    {
        var user = Alice();
        user.ClearDomainEvents();

        user.ChangeAlias("Al");

        Assert.Equal("Al", user.Alias);
        Assert.Equal(new ProfileUpdated(user.Id), Assert.Single(user.DomainEvents));
    }

    [Fact]
    public void Change_alias_to_empty_clears_it()
    {
        var user = Alice();

        user.ChangeAlias("");

        Assert.Equal("", user.Alias);
    }

    [Fact]
    public void Change_alias_raises_profile_updated_even_when_nothing_changes()
    {
        var user = Alice();
        user.ClearDomainEvents();

        user.ChangeAlias(user.Alias);

        Assert.IsType<ProfileUpdated>(Assert.Single(user.DomainEvents)); // R5: broadcast even without a real change
    }

    [Fact]
    public void Change_password_replaces_the_hash_and_raises_password_changed()
    {
        var user = Alice();
        user.ClearDomainEvents();

        user.ChangePassword("$argon2id$new");

        Assert.Equal("$argon2id$new", user.PasswordHash);
        Assert.Equal(new PasswordChanged(user.Id), Assert.Single(user.DomainEvents));
    }

    [Fact]
    public void A_non_empty_fingerprint_replaces_the_stored_one_verbatim()
    {
        var user = Alice();
        user.ReplaceFingerprint("AB:cd ef");
        user.ReplaceFingerprint("not even hex");

        Assert.Equal("not even hex", user.SigningKeyFingerprint);
    }

    [Fact]
    public void An_empty_fingerprint_keeps_the_stored_one()
    {
        var user = Alice();
        user.ReplaceFingerprint("abc123");

        user.ReplaceFingerprint("");

        Assert.Equal("abc123", user.SigningKeyFingerprint);
    }

    [Fact]
    public void Reset_raises_account_reset_and_keeps_the_fingerprint()
    {
        var user = Alice();
        user.ReplaceFingerprint("abc123");
        user.ClearDomainEvents();

        user.Reset();

        Assert.Equal("abc123", user.SigningKeyFingerprint); // R7: reset does not clear the fingerprint
        Assert.Equal(new AccountReset(user.Id), Assert.Single(user.DomainEvents));
    }

    [Fact]
    public void Delete_tells_each_group_the_account_was_in_who_remains()
    {
        var user = Alice();
        user.ClearDomainEvents();
        UserId bob = UserId.New(), carol = UserId.New();
        GroupId shared = GroupId.New(), pair = GroupId.New();

        user.Delete([new GroupMembers(shared, [bob, user.Id, carol]), new GroupMembers(pair, [user.Id, carol])]);

        var deleted = Assert.IsType<AccountDeleted>(Assert.Single(user.DomainEvents));
        Assert.Equal(user.Id, deleted.UserId);
        Assert.Equal([(shared, new[] { bob, carol }), (pair, new[] { carol })],
            deleted.Groups.Select(g => (g.GroupId, g.Members.ToArray())).ToArray());
    }

    [Fact]
    public void A_group_the_account_leaves_empty_is_told_nothing()
    {
        var user = Alice();
        user.ClearDomainEvents();
        var other = UserId.New();
        var kept = GroupId.New();

        // C38: the emptied group stays (nothing here deletes it); with nobody left, nobody is told (C9).
        user.Delete([new GroupMembers(GroupId.New(), [user.Id]), new GroupMembers(kept, [other, user.Id])]);

        var deleted = Assert.IsType<AccountDeleted>(Assert.Single(user.DomainEvents));
        Assert.Equal([kept], deleted.Groups.Select(g => g.GroupId));
    }

    [Fact]
    public void An_account_in_no_group_is_deleted_with_nobody_to_tell()
    {
        var user = Alice();
        user.ClearDomainEvents();

        user.Delete([]);

        Assert.Empty(Assert.IsType<AccountDeleted>(Assert.Single(user.DomainEvents)).Groups);
    }
}
