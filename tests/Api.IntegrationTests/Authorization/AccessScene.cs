using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Authorization;

/// <summary>
/// A fresh group for one cell: created by the admin, public with a GroupInfo, the member joined, the banned user
/// banned, the non-member outside (and, where the row needs it, invited or already welcomed).
/// </summary>
public sealed record AccessScene(
    TestGroup Group, IReadOnlyDictionary<Identity, TestUser> Users, TestUser PackageOwner, TestUser InviteTarget,
    Guid InviteId, Guid WelcomeId)
{
    public TestUser Admin => Users[Identity.Admin];
    public TestUser Member => Users[Identity.Member];
    public TestUser Banned => Users[Identity.Banned];
    public TestUser NonMember => Users[Identity.NonMember];
}
