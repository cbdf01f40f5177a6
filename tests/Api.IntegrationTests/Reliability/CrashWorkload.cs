using System.Text;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Reliability;

/// <summary>
/// One life's traffic: every sender sends, every admin escrows an invite and its invitee accepts it, the churner
/// creates and deletes groups, all at once and in a loop until the server dies under them. Every 2xx goes into the
/// ledger; a request the kill cut off counts as such; any other answer is unexpected.
/// </summary>
public sealed class CrashWorkload(CrashCast cast, CrashLedger ledger, SpecClient spec, int life)
{
    /// <summary>
    /// Runs the traffic and SIGKILLs the server at a random moment once this life's first message is acknowledged,
    /// or at the first moment after it that <paramref name="killMoment"/> waits for.
    /// </summary>
    public async Task RunAndKillAsync(ServerProcess server, Random random, Func<Task>? killMoment = null)
    {
        var acknowledged = ledger.Messages.Count;
        var traffic = RunAsync();
        // A fresh process answers its first requests slowly (JIT); the kill comes once traffic flows.
        await Eventually.HoldsAsync(() => Task.FromResult(ledger.Messages.Count > acknowledged), TimeSpan.FromSeconds(30), "a first acknowledged message");
        await Task.Delay(CrashSettings.KillAfter(random));
        if (killMoment is not null) await killMoment();
        await server.KillAsync();
        await traffic;
    }

    private Task RunAsync() => Task.WhenAll(
        cast.Senders.Select((s, i) => UntilDeadAsync(k => SendAsync(s.Sender, s.Group, i, k)))
            .Concat(cast.Inviters.Select(i => UntilDeadAsync(k => InviteAsync(i.Inviter, i.Invitees[k % i.Invitees.Count]))))
            .Append(UntilDeadAsync(_ => ChurnAsync())));

    private async Task UntilDeadAsync(Func<int, Task<bool>> step)
    {
        try
        {
            for (var k = 0; await step(k); k++) { }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
        {
            ledger.CountCutOff();
        }
    }

    private async Task<bool> SendAsync(TestUser sender, TestGroup group, int index, int k)
    {
        var payload = ByteString.CopyFrom(Encoding.ASCII.GetBytes($"life{life}-sender{index}-{k}"));
        using var response = await spec.PostAsync(group.Path("/messages"), new SendMessageRequest { MlsMessage = payload }, sender.Token);
        if (!await AcknowledgedAsync(response, "send")) return false;
        var sequence = SendMessageResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync()).SequenceNum;
        ledger.Messages.Add(new AckedMessage(group.Guid, (long)sequence, sender.Id, payload));
        return true;
    }

    // A new group per invite, so a few invitees serve every life.
    private async Task<bool> InviteAsync(TestUser inviter, TestUser invitee)
    {
        var group = await spec.CreateGroupAsync(inviter);
        var escrow = InviteSteps.Escrow(invitee);
        escrow.CommitMessage = ByteString.CopyFrom(Encoding.ASCII.GetBytes($"commit-{invitee.Username}-{group.Name}"));
        using (var response = await spec.PostAsync(group.Path("/escrow-invite"), escrow, inviter.Token))
            if (!await AcknowledgedAsync(response, "escrow")) return false;
        var invite = new EscrowedInvite(group, invitee, escrow.CommitMessage);
        ledger.Escrows.Add(invite);
        var pending = await spec.InviteForAsync(group, invitee);
        using (var response = await spec.PostAsync(InviteSteps.InvitePath(pending, "accept"), token: invitee.Token))
            if (!await AcknowledgedAsync(response, "accept")) return false;
        ledger.AckedAccepts[invite] = true;
        return true;
    }

    private async Task<bool> ChurnAsync()
    {
        var group = await spec.CreateGroupAsync(cast.Churner);
        await spec.WithMembersAsync(group, cast.ChurnMember);
        await spec.SendAsync(group, cast.ChurnMember, [1]);
        using var response = await spec.PostAsync(group.Path("/delete"), token: cast.Churner.Token);
        return await AcknowledgedAsync(response, "delete group");
    }

    private async Task<bool> AcknowledgedAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return true;
        var error = ErrorResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        ledger.Unexpected.Add($"life {life}, {what}: {(int)response.StatusCode} {error}");
        return false;
    }
}
