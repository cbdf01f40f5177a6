using System.Net;
using System.Text;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Plugins;

// samples/AuditLogPlugin, built as its author builds it and installed as an operator does, in the real server.
public sealed class AuditLogPluginTests : IDisposable
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("TOP-SECRET-CIPHERTEXT");
    private readonly PluginFolder _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public async Task A_full_flow_is_audited_one_line_per_event_in_commit_order_without_any_blob_or_secret()
    {
        var auditFolder = _plugins.Install("AuditLogPlugin");
        var log = new LogCapture();
        await using var server = await TestServer.StartAsync(c => c with { PluginsPath = _plugins.Path }, log.Into);
        var spec = server.Spec;

        var alice = await spec.NewUserAsync("alice");
        var bob = await spec.NewUserAsync("bob");
        var group = await spec.CreateGroupAsync(alice);
        await spec.SendAsync(group, alice, Secret);
        await spec.AddByInviteAsync(group, bob);
        await spec.PostAsync(group.Path("/promote"), new PromoteMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();
        await spec.PatchAsync(group.Path(), new UpdateGroupRequest { Alias = "renamed" }, alice.Token).OkAsync();
        await spec.PostAsync(group.Path("/leave"), token: bob.Token).OkAsync();
        await spec.PostAsync(group.Path("/delete"), token: alice.Token).OkAsync();
        await AccountCalls.AssertEmptyProtobufAsync(await spec.DeleteAccountAsync(bob.Token, "password123"));

        string[] expected =
        [
            "UserRegistered", "UserRegistered", "GroupCreated", "MessageStored", "InviteEscrowed", "InviteAccepted",
            "MemberAdded", "MemberRoleChanged", "GroupUpdated", "MemberLeft", "GroupDeleted", "AccountDeleted",
        ];
        var auditFile = Path.Combine(auditFolder, "audit.jsonl");
        List<JsonElement> lines = [];
        await Eventually.HoldsAsync(() =>
        {
            lines = File.Exists(auditFile) ? [.. File.ReadAllLines(auditFile).Select(line => JsonDocument.Parse(line).RootElement)] : [];
            return Task.FromResult(lines.Count >= expected.Length);
        }, TimeSpan.FromSeconds(20), "the audit lines");
        // One commit's events keep the order its aggregates raised them in; across commits the order is the commits'.
        Assert.Equal(expected.Order(), lines.Select(line => line.GetProperty("event").GetString()).Order());
        Assert.Equal(expected.Distinct().Where(name => name is not ("InviteAccepted" or "MemberAdded")),
            lines.Select(line => line.GetProperty("event").GetString()).Distinct().Where(name => name is not ("InviteAccepted" or "MemberAdded")));

        var text = File.ReadAllText(auditFile);
        Assert.DoesNotContain(Convert.ToBase64String(Secret), text);
        Assert.DoesNotContain("TOP-SECRET", text);
        Assert.DoesNotContain(Convert.ToBase64String(InviteSteps.WelcomeBlob), text);
        Assert.DoesNotContain("password123", text);
        Assert.DoesNotContain(alice.Token, text);
        Assert.All(lines, line => Assert.True(line.TryGetProperty("occurred_at", out _)));
        var created = lines.Single(line => line.GetProperty("event").GetString() == "GroupCreated");
        Assert.Equal(group.Guid, created.GetProperty("group_id").GetGuid());
        Assert.Equal(alice.Guid, created.GetProperty("creator_id").GetGuid());
        Assert.Equal(group.Name, created.GetProperty("name").GetString());
        var stored = lines.Single(line => line.GetProperty("event").GetString() == "MessageStored");
        Assert.Equal(["event", "group_id", "sequence_num", "sender_id", "occurred_at"], stored.EnumerateObject().Select(p => p.Name));
        Assert.Equal("invite", lines.Single(line => line.GetProperty("event").GetString() == "MemberAdded").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Loaded_plugins_are_listed_in_the_log_with_what_they_handle()
    {
        _plugins.Install("AuditLogPlugin");
        _plugins.Install("GroupSizeLimitPlugin");
        var log = new LogCapture();
        await using var server = await TestServer.StartAsync(c => c with { PluginsPath = _plugins.Path }, log.Into);

        var listed = log.Entries.Where(entry => entry.Category == "Conclave.Api.Plugins").Select(entry => entry.Message).ToList();
        Assert.Equal(2, listed.Count);
        Assert.StartsWith("Plugin AuditLogPlugin 1.0.0", listed[0]);
        Assert.Contains("handlers AuditLogPlugin.AuditLog (ConclaveEvent); behaviours none", listed[0]);
        Assert.StartsWith("Plugin GroupSizeLimitPlugin 1.0.0", listed[1]);
        Assert.Contains("handlers none; behaviours GroupSizeLimitPlugin.GroupSizeLimit`2", listed[1]);
    }
}
