using System.Globalization;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Microsoft.Data.Sqlite;

namespace Conclave.Api.IntegrationTests.Reliability;

/// <summary>
/// What a restarted server must still hold of everything it acknowledged before it was killed (crash test) or lost
/// power (power-loss test). Returns the problems found rather than asserting, so that a test can also show that the
/// checks catch a server that loses acknowledged writes; a problem about a lost acknowledgement starts with "lost".
/// </summary>
public static class DurabilityChecks
{
    public static async Task<List<string>> ProblemsAsync(SpecClient spec, CrashCast cast, CrashLedger ledger, string databasePath) =>
    [
        .. await MessagesAsync(spec, cast, ledger),
        .. await InvitesAsync(spec, ledger),
        .. await DatabaseAsync(databasePath),
    ];

    // Every acknowledged message at the number it was acknowledged with, with its sender and blob; each group's numbers
    // gapless from 1 (nothing the cast does takes a number without storing a message).
    private static async Task<List<string>> MessagesAsync(SpecClient spec, CrashCast cast, CrashLedger ledger)
    {
        var problems = new List<string>();
        foreach (var group in cast.Groups)
        {
            var stored = await AllMessagesAsync(spec, group);
            if (!stored.Select(m => (long)m.SequenceNum).SequenceEqual(Enumerable.Range(1, stored.Count).Select(n => (long)n)))
                problems.Add($"{group.Name}: the sequence numbers of its {stored.Count} messages are not 1, 2, 3, … in order");
            var bySequence = stored.DistinctBy(m => m.SequenceNum).ToDictionary(m => (long)m.SequenceNum);
            foreach (var acked in ledger.Messages.Where(m => m.Group == group.Guid))
            {
                if (!bySequence.TryGetValue(acked.Sequence, out var message))
                    problems.Add($"lost: acknowledged message {acked.Sequence} of {group.Name} is missing");
                else if (message.SenderId != acked.Sender || message.MlsMessage != acked.Payload)
                    problems.Add($"lost: acknowledged message {acked.Sequence} of {group.Name} was replaced by another");
            }
        }
        return problems;
    }

    // An escrowed invite is either still pending with no trace of acceptance, or gone with its member, welcome and
    // commit all present; an acknowledged accept is always the latter.
    private static async Task<List<string>> InvitesAsync(SpecClient spec, CrashLedger ledger)
    {
        var problems = new List<string>();
        foreach (var invite in ledger.Escrows)
        {
            var group = invite.Group;
            using var invites = await spec.GetAsync(group.Path("/invites"), group.Owner.Token);
            if (!invites.IsSuccessStatusCode)
            {
                problems.Add($"lost: {group.Name}, acknowledged with an escrowed invite, answers {(int)invites.StatusCode}");
                continue;
            }
            var pending = (await SpecClient.ReadAsync<ListGroupPendingInvitesResponse>(invites)).Invites.Any(i => i.InviteeId == invite.Invitee.Id);
            var member = (await spec.ListedAsync(group, group.Owner)).Members.Any(m => m.UserId == invite.Invitee.Id);
            var welcomed = (await spec.WelcomesAsync(invite.Invitee)).Any(w => w.GroupId == group.Id);
            var committed = (await AllMessagesAsync(spec, group)).Any(m => m.SenderId == group.Owner.Id && m.MlsMessage == invite.Commit);
            var state = (pending, member, welcomed, committed);
            if (state is not ((true, false, false, false) or (false, true, true, true)))
                problems.Add($"{invite.Invitee.Username} in {group.Name} half-applied: {state}");
            else if (ledger.AckedAccepts.ContainsKey(invite) && state.pending)
                problems.Add($"lost: the acknowledged accept of {invite.Invitee.Username} in {group.Name}");
        }
        return problems;
    }

    // Nothing dangling whatever a kill cut off, and no group's counter behind its messages (a number handed out twice).
    private static async Task<List<string>> DatabaseAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        var expected = new (string Sql, string? Answer)[]
        {
            ("PRAGMA integrity_check", "ok"),
            ("PRAGMA foreign_key_check", null),
            ("PRAGMA journal_mode", "wal"),
            ("SELECT count(*) FROM groups g WHERE g.last_sequence < (SELECT coalesce(max(sequence_num), 0) FROM messages m WHERE m.group_id = g.id)", "0"),
        };
        var problems = new List<string>();
        foreach (var (sql, answer) in expected)
            if (await ScalarAsync(connection, sql) is var actual && actual != answer)
                problems.Add($"{sql}: {actual ?? "(no row)"} instead of {answer ?? "(no row)"}");
        return problems;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;
    }

    private static async Task<List<StoredMessage>> AllMessagesAsync(SpecClient spec, TestGroup group)
    {
        var all = new List<StoredMessage>();
        while (true)
        {
            var page = await spec.FetchAsync(group, group.Owner, $"?after={(all.Count == 0 ? 0 : all[^1].SequenceNum)}&limit=500");
            if (page.Count == 0) return all;
            all.AddRange(page);
        }
    }
}
