using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Xunit;

namespace Conclave.TestSupport;

/// <summary>Groups in a known state, with the events of their making cleared.</summary>
public static class GroupBuilder
{
    public const long Now = 1_700_000_000;

    public static Group With(UserId admin, params UserId[] members)
    {
        var group = Group.Create("group", "", admin, Now);
        foreach (var member in members) group.AdmitInvitee(member, Now);
        group.ClearDomainEvents();
        return group;
    }

    public static Group Public(UserId admin, params UserId[] members)
    {
        var group = With(admin, members);
        group.UpdateSettings(admin, "", "", null, (int)GroupVisibility.Public, serverRetention: -1);
        group.ClearDomainEvents();
        return group;
    }

    public static DomainException Refusal(Action action) => Assert.Throws<DomainException>(action);
}
