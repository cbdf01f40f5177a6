using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.UnitTests.Groups;

public sealed class GroupCreationTests
{
    [Fact]
    public void A_new_group_is_private_never_expires_and_has_its_creator_as_only_admin()
    {
        var alice = UserId.New();
        var group = Group.Create("book_club", "Book club", alice, 42);

        Assert.Equal(("book_club", "Book club", "", -1L, GroupVisibility.Private),
            (group.Name, group.Alias, group.MlsGroupId, group.MessageExpirySeconds, group.Visibility));
        var member = Assert.Single(group.Members);
        Assert.Equal((alice, GroupRole.Admin, 42L), (member.UserId, member.Role, member.JoinedAt));
        Assert.Equal(new GroupCreated(group.Id, alice, "book_club"), Assert.Single(group.DomainEvents));
    }

    [Fact]
    public void Name_taken_is_a_conflict_naming_the_group()
    {
        var refusal = Group.NameTaken("club");
        Assert.Equal((DomainError.Conflict, "group_name 'club' already exists"), (refusal.Error, refusal.Message));
    }

    [Fact]
    public void Deleting_needs_an_admin_and_tells_everyone_who_was_in()
    {
        var (alice, bob) = (UserId.New(), UserId.New());
        var group = GroupBuilder.With(alice, bob);

        Assert.Equal((DomainError.NotAdmin, AdminOnly.DeleteGroup), Describe(GroupBuilder.Refusal(() => group.Delete(bob))));
        group.Delete(alice);
        Assert.Equal([alice, bob], Assert.IsType<GroupDeleted>(Assert.Single(group.DomainEvents)).Members);
    }

    private static (DomainError, string) Describe(DomainException refusal) => (refusal.Error, refusal.Message);
}
