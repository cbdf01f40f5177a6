using Conclave.Api.IntegrationTests.KeyPackages;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Authorization;

/// <summary>One server and the standing cast of the matrix; each cell gets a fresh group from <see cref="NewSceneAsync"/>.</summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    private readonly Dictionary<Identity, TestUser> _cast = [];
    private TestUser _packageOwner = null!, _inviteTarget = null!;

    public TestServer Server { get; private set; } = null!;
    public string ExpiredToken { get; private set; } = null!;
    private SpecClient Spec => Server.Spec;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        foreach (var role in new[] { Identity.NonMember, Identity.Member, Identity.Admin, Identity.Banned })
            _cast[role] = await Spec.NewUserAsync(role.ToString().ToLowerInvariant());
        // Key-package owners keep a last-resort package, which is handed out without being used up (§5.3).
        _packageOwner = await WithLastResortPackageAsync("owner");
        _inviteTarget = await WithLastResortPackageAsync("target");
        var expired = await Spec.NewUserAsync("expired");
        await Server.WriteAsAnotherProcessAsync("UPDATE sessions SET expires_at = 1 WHERE user_id = $u", ("$u", expired.Id.ToByteArray()));
        ExpiredToken = expired.Token;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public async Task<AccessScene> NewSceneAsync(SceneNeeds needs, Identity? freshActor)
    {
        var users = new Dictionary<Identity, TestUser>(_cast);
        if (freshActor is { } actor) users[actor] = await Spec.NewUserAsync(actor.ToString().ToLowerInvariant());
        var group = await Spec.CreateGroupAsync(users[Identity.Admin]);
        await Spec.WithMembersAsync(group, users[Identity.Member]);
        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = users[Identity.Banned].Id }, group.Owner.Token).OkAsync();
        var (inviteId, welcomeId) = (Guid.Empty, Guid.Empty);
        if (needs is SceneNeeds.InviteForNonMember or SceneNeeds.WelcomeForNonMember)
        {
            var invitee = users[Identity.NonMember];
            await Spec.EscrowAsync(group, group.Owner, invitee);
            var invite = await Spec.InviteForAsync(group, invitee);
            inviteId = invite.InviteId.ToGuid();
            if (needs == SceneNeeds.WelcomeForNonMember)
            {
                await Spec.PostAsync(InviteSteps.InvitePath(invite, "accept"), token: invitee.Token).OkAsync();
                welcomeId = (await Spec.WelcomesAsync(invitee)).Single(w => w.GroupId == group.Id).WelcomeId.ToGuid();
            }
        }
        return new AccessScene(group, users, _packageOwner, _inviteTarget, inviteId, welcomeId);
    }

    private async Task<TestUser> WithLastResortPackageAsync(string prefix)
    {
        var user = await Spec.NewUserAsync(prefix);
        await Spec.PostAsync("/api/v1/key-packages", KeyPackageBytes.Batch(KeyPackageBytes.LastResort(1)), user.Token).OkAsync();
        return user;
    }
}
