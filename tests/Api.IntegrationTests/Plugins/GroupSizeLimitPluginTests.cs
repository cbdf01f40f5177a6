using System.Net;
using Conclave.Api.IntegrationTests.Grpc;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Core;
using InvitesRpc = Conclave.Server.V1.Invites;

namespace Conclave.Api.IntegrationTests.Plugins;

// samples/GroupSizeLimitPlugin in the real server: a plugin policy refuses before anything is written.
public sealed class GroupSizeLimitPluginTests : IAsyncLifetime, IDisposable
{
    private const string Full = "group is full: at most 3 members, pending invites included";
    private readonly PluginFolder _plugins = new();
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _plugins.Install("GroupSizeLimitPlugin", """{ "max_members": 3 }""");
        _plugins.Install("AuditLogPlugin");
        _server = await TestServer.StartAsync(c => c with { PluginsPath = _plugins.Path });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public async Task An_invite_beyond_the_limit_is_refused_with_403_and_nothing_is_written()
    {
        var spec = _server.Spec;
        var owner = await spec.NewUserAsync("owner");
        var (member, invited, refused) = (await spec.NewUserAsync("m"), await spec.NewUserAsync("i"), await spec.NewUserAsync("r"));
        var group = await spec.CreateGroupAsync(owner);
        await spec.AddByInviteAsync(group, member);
        await spec.EscrowAsync(group, owner, invited); // two members and one pending invite: the three seats are taken
        var messagesBefore = await _server.CountAsync("messages", group);

        var response = await spec.PostAsync(group.Path("/escrow-invite"), InviteSteps.Escrow(refused), owner.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Forbidden, ErrorCode.ResourceForbidden, Full);
        Assert.Equal(1, await _server.CountAsync("pending_invites", group));
        Assert.Equal(messagesBefore, await _server.CountAsync("messages", group));
        Assert.Empty(await spec.PendingInvitesAsync(refused));
        // Events reach the audit in commit order: once a later commit is audited, an escrow of the refused user would be too.
        var sequence = await spec.SendAsync(group, owner, [0x01]);
        var audit = Path.Combine(_plugins.Path, "AuditLogPlugin", "audit.jsonl");
        await Eventually.HoldsAsync(() => Task.FromResult(File.ReadAllLines(audit).Any(line => line.Contains("\"MessageStored\"", StringComparison.Ordinal)
            && line.Contains($"\"sequence_num\":{sequence}", StringComparison.Ordinal))), TimeSpan.FromSeconds(20), "the later message audited");
        Assert.DoesNotContain(File.ReadAllLines(audit), line => line.Contains("\"InviteEscrowed\"", StringComparison.Ordinal)
            && line.Contains(refused.Guid.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_join_beyond_the_limit_is_refused_and_over_grpc_too()
    {
        var spec = _server.Spec;
        var owner = await spec.NewUserAsync("owner");
        var group = await spec.WithMembersAsync(await spec.CreateGroupAsync(owner), await spec.NewUserAsync("a"), await spec.NewUserAsync("b"));
        var late = await spec.NewUserAsync("late");

        await SpecClient.AssertErrorAsync(await spec.PostAsync(group.Path("/join"), token: late.Token), HttpStatusCode.Forbidden, ErrorCode.ResourceForbidden, Full);
        Assert.Equal(3, await _server.CountAsync("group_members", group));
        Assert.False(await _server.HasPendingJoinFlagAsync(group, late));

        var invites = new InvitesRpc.InvitesClient(_server.Channel);
        await GrpcCalls.AssertRefusedAsync(() => invites.EscrowInviteAsync(
                new EscrowInviteCall { GroupId = group.Guid.ToString(), Body = InviteSteps.Escrow(late) }, GrpcCalls.Bearer(owner.Token)).ResponseAsync,
            StatusCode.PermissionDenied, ErrorCode.ResourceForbidden, Full);
    }

    [Fact]
    public async Task Whoever_the_server_refuses_anyway_gets_the_servers_answer_not_the_limit()
    {
        var spec = _server.Spec;
        var owner = await spec.NewUserAsync("owner");
        var (a, b, outsider) = (await spec.NewUserAsync("a"), await spec.NewUserAsync("b"), await spec.NewUserAsync("o"));
        var group = await spec.WithMembersAsync(await spec.CreateGroupAsync(owner), a, b);

        await SpecClient.AssertErrorAsync(await spec.PostAsync(group.Path("/escrow-invite"), InviteSteps.Escrow(outsider), a.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin);
    }

    [Fact]
    public async Task Below_the_limit_members_are_added_as_usual()
    {
        var spec = _server.Spec;
        var owner = await spec.NewUserAsync("owner");
        var group = await spec.CreateGroupAsync(owner);
        await spec.AddByInviteAsync(group, await spec.NewUserAsync("a"));
        await spec.WithMembersAsync(group, await spec.NewUserAsync("b"));

        Assert.Equal(3, await _server.CountAsync("group_members", group));
    }
}
