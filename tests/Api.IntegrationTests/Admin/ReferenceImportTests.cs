using System.Net;
using System.Text;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace Conclave.Api.IntegrationTests.Admin;

// Issue #27: `admin import-reference` run as the operator runs it (the built server), then the real server started on
// the result: what the reference's clients hold (passwords, tokens, sequence numbers, invites, welcomes, bans, public
// rooms, key packages) keeps working.
public sealed class ReferenceImportTests : IDisposable
{
    private readonly TempFolder _folder = new("reference-import");

    public void Dispose() => _folder.Dispose();

    private string Source => Path.Combine(_folder.Path, "reference.db");
    private string Target => Path.Combine(_folder.Path, "imported", "conclave.db");

    [Fact]
    public async Task Everything_a_reference_client_holds_keeps_working_after_the_import()
    {
        var now = ReferenceDatabase.Now;
        Guid alice, bob, carol, dave, erin, frank, team, lobby, invite, welcome;
        string aliceToken;
        using (var reference = ReferenceDatabase.Create(Source))
        {
            alice = reference.AddUser("alice", ReferenceDatabase.KnownHash, "Alice");
            bob = reference.AddUser("bob", ReferenceHash("bob's old password"));
            (carol, dave, erin, frank) = (reference.AddUser("carol", ReferenceHash("carol-pw")), reference.AddUser("dave", ReferenceHash("dave-pw")),
                reference.AddUser("erin", ReferenceHash("erin-pw")), reference.AddUser("frank", ReferenceHash("frank-pw")));
            aliceToken = reference.AddSession(alice, now + 86_400);
            var expiredToken = reference.AddSession(bob, now - 1);
            reference.Execute("UPDATE sessions SET created_at = $at", ("$at", now - 3_600)); // alice logged in an hour ago
            team = reference.AddGroup("team", "The Team");
            lobby = reference.AddGroup("lobby", "Lobby");
            reference.Execute("UPDATE groups SET visibility = 2, mls_group_id = 'abcd' WHERE id = $id", ("$id", ReferenceDatabase.Text(lobby)));
            reference.AddMember(team, alice, "admin");
            reference.AddMember(team, bob);
            reference.AddMember(team, carol);
            reference.AddMember(lobby, alice, "admin");
            for (var sequence = 1; sequence <= 5; sequence++) reference.AddMessage(team, sequence % 2 == 0 ? bob : alice, sequence, [0xAB, (byte)sequence]);
            // Carol fetched up to 7; messages 6 and 7 have been deleted since (retention): 8 is the next number.
            reference.Execute("INSERT INTO message_fetch_watermarks (group_id, user_id, last_fetched_seq) VALUES ($g, $u, 7)",
                ("$g", ReferenceDatabase.Text(team)), ("$u", ReferenceDatabase.Text(carol)));
            reference.Execute("INSERT INTO banned_users (group_id, user_id, banned_by, banned_at) VALUES ($g, $u, $by, $at)",
                ("$g", ReferenceDatabase.Text(lobby)), ("$u", ReferenceDatabase.Text(dave)), ("$by", ReferenceDatabase.Text(alice)), ("$at", now - 50));
            reference.Execute("INSERT INTO group_infos (group_id, group_info_data, updated_at) VALUES ($g, x'00010004AA', $at)",
                ("$g", ReferenceDatabase.Text(lobby)), ("$at", now));
            invite = Guid.NewGuid();
            reference.Execute("""
                INSERT INTO pending_invites (id, group_id, inviter_id, invitee_id, commit_message, welcome_data, group_info, created_at)
                VALUES ($id, $g, $by, $to, x'C001', x'3E1C', x'0001000401', $at)
                """, ("$id", ReferenceDatabase.Text(invite)), ("$g", ReferenceDatabase.Text(team)), ("$by", ReferenceDatabase.Text(alice)),
                ("$to", ReferenceDatabase.Text(erin)), ("$at", now - 100));
            welcome = Guid.NewGuid();
            reference.Execute("""
                INSERT INTO pending_welcomes (id, group_id, group_alias, user_id, welcome_data, created_at) VALUES ($id, $g, 'The Team', $u, x'3E1C99', $at)
                """, ("$id", ReferenceDatabase.Text(welcome)), ("$g", ReferenceDatabase.Text(team)), ("$u", ReferenceDatabase.Text(frank)), ("$at", now - 10));
            foreach (var (data, lastResort) in new[] { ("kp-regular-1", 0), ("kp-last-resort", 1), ("kp-regular-2", 0) })
                reference.Execute("INSERT INTO key_packages (user_id, key_package_data, is_last_resort, created_at) VALUES ($u, $d, $l, $at)",
                    ("$u", ReferenceDatabase.Text(bob)), ("$d", Encoding.ASCII.GetBytes(data)), ("$l", lastResort), ("$at", now - 20));
            Assert.NotEmpty(expiredToken);
        }
        var sourceBytes = await File.ReadAllBytesAsync(Source);

        var import = await RunAsync("admin", "import-reference", Source, "--into", Target);

        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains($"imported '{Source}' into '{Target}' in ", import.Stdout);
        Assert.Contains(Lines(import.Stdout), line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is ["users", "6"]);
        Assert.Contains(Lines(import.Stdout), line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is ["sessions", "1"]);
        Assert.Contains(Lines(import.Stdout), line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is ["messages", "5"]);
        Assert.Equal(sourceBytes, await File.ReadAllBytesAsync(Source));
        await using (var imported = new SqliteConnection($"Data Source={Target};Mode=ReadOnly;Pooling=False"))
        {
            await imported.OpenAsync();
            await using var createdAt = imported.CreateCommand();
            createdAt.CommandText = "SELECT created_at FROM sessions";
            Assert.Equal(now - 3_600, (long)(await createdAt.ExecuteScalarAsync())!); // the login time came over
        }

        await using var server = await TestServer.StartAsync(config => config with { DatabasePath = Target });
        var spec = server.Spec;
        // An old password logs in; an old token is accepted.
        var aliceLogin = await spec.LoginAsync("alice", ReferenceDatabase.KnownPassword);
        var bobToken = (await spec.LoginAsync("bob", "bob's old password")).Token;
        var me = await SpecClient.ReadAsync<UserInfoResponse>(await spec.GetAsync("/api/v1/me", aliceToken));
        Assert.Equal(("alice", "Alice", Bytes(alice)), (me.Username, me.Alias, me.UserId));
        Assert.Equal(Bytes(alice), aliceLogin.UserId);
        // Messages come back with their sequence numbers and senders; the next send comes after the watermark.
        var messages = await SpecClient.ReadAsync<GetMessagesResponse>(await spec.GetAsync($"/api/v1/groups/{team}/messages", bobToken));
        Assert.Equal([1UL, 2, 3, 4, 5], messages.Messages.Select(m => m.SequenceNum));
        Assert.Equal([Bytes(alice), Bytes(bob), Bytes(alice), Bytes(bob), Bytes(alice)], messages.Messages.Select(m => m.SenderId));
        Assert.Equal(Bytes(0xAB, 3), messages.Messages[2].MlsMessage);
        var sent = await SpecClient.ReadAsync<SendMessageResponse>(await spec.PostAsync($"/api/v1/groups/{team}/messages",
            new SendMessageRequest { MlsMessage = Bytes(0x01) }, aliceToken));
        Assert.Equal(8UL, sent.SequenceNum);
        // Roles: alice is the admin of both groups.
        var admins = await SpecClient.ReadAsync<ListAdminsResponse>(await spec.GetAsync($"/api/v1/groups/{team}/admins", bobToken));
        Assert.Equal([Bytes(alice)], admins.Admins.Select(a => a.UserId));
        // A pending invite can be accepted; a pending welcome is listed.
        var erinToken = (await spec.LoginAsync("erin", "erin-pw")).Token;
        var pending = Assert.Single((await SpecClient.ReadAsync<ListPendingInvitesResponse>(await spec.GetAsync("/api/v1/invites", erinToken))).Invites);
        Assert.Equal((Bytes(invite), (ulong)(now - 100), "alice"), (pending.InviteId, pending.CreatedAt, pending.InviterUsername));
        await spec.PostAsync($"/api/v1/invites/{invite}/accept", token: erinToken).OkAsync();
        var erinGroups = await SpecClient.ReadAsync<ListGroupsResponse>(await spec.GetAsync("/api/v1/groups", erinToken));
        Assert.Contains(erinGroups.Groups, g => g.GroupId == Bytes(team));
        var frankToken = (await spec.LoginAsync("frank", "frank-pw")).Token;
        var listed = Assert.Single((await SpecClient.ReadAsync<ListPendingWelcomesResponse>(await spec.GetAsync("/api/v1/welcomes", frankToken))).Welcomes);
        Assert.Equal((Bytes(welcome), Bytes(team), "The Team", Bytes(0x3E, 0x1C, 0x99)), (listed.WelcomeId, listed.GroupId, listed.GroupAlias, listed.WelcomeMessage));
        // A ban holds; a public room is listed.
        var daveToken = (await spec.LoginAsync("dave", "dave-pw")).Token;
        await SpecClient.AssertErrorAsync(await spec.PostAsync($"/api/v1/groups/{lobby}/join", token: daveToken), HttpStatusCode.Forbidden, ErrorCode.GroupBanned);
        var rooms = await SpecClient.ReadAsync<ListPublicGroupsResponse>(await spec.GetAsync("/api/v1/groups/public", bobToken));
        var room = Assert.Single(rooms.Groups);
        Assert.Equal((Bytes(lobby), "lobby", "Lobby", 1U), (room.GroupId, room.GroupName, room.Alias, room.MemberCount));
        // Key packages: the regular ones in upload order, then the last resort, which stays.
        var served = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var package = await SpecClient.ReadAsync<GetKeyPackageResponse>(await spec.GetAsync($"/api/v1/key-packages/{bob}", aliceToken));
            served.Add(Encoding.ASCII.GetString(package.KeyPackageData.Span));
        }
        Assert.Equal(["kp-regular-1", "kp-regular-2", "kp-last-resort", "kp-last-resort"], served);
    }

    [Fact]
    public async Task A_database_without_the_later_columns_and_tables_imports_with_their_defaults()
    {
        Guid alice, group;
        using (var reference = ReferenceDatabase.Create(Source, ReferenceSchemaVersion.WithoutLaterAdditions))
        {
            alice = reference.AddUser("alice", ReferenceDatabase.KnownHash);
            group = reference.AddGroup("old_group");
            reference.AddMember(group, alice, "admin");
            reference.AddMessage(group, alice, 3, [0x03]);
        }

        var import = await RunAsync("admin", "import-reference", Source, "--into", Target);

        Assert.True(import.ExitCode == 0, import.Stderr);
        await using var server = await TestServer.StartAsync(config => config with { DatabasePath = Target });
        var token = (await server.Spec.LoginAsync("alice", ReferenceDatabase.KnownPassword)).Token;
        var listed = Assert.Single((await SpecClient.ReadAsync<ListGroupsResponse>(await server.Spec.GetAsync("/api/v1/groups", token))).Groups);
        Assert.Equal((Bytes(group), "old_group", "", -1L), (listed.GroupId, listed.GroupName, listed.Alias, listed.MessageExpirySeconds));
        Assert.Empty((await SpecClient.ReadAsync<ListPublicGroupsResponse>(await server.Spec.GetAsync("/api/v1/groups/public", token))).Groups);
        var sent = await SpecClient.ReadAsync<SendMessageResponse>(await server.Spec.PostAsync($"/api/v1/groups/{group}/messages",
            new SendMessageRequest { MlsMessage = Bytes(0x04) }, token));
        Assert.Equal(4UL, sent.SequenceNum);
    }

    [Fact]
    public async Task A_0_1_database_with_integer_ids_is_refused_with_the_reason_and_nothing_is_written()
    {
        using (var reference = ReferenceDatabase.Create(Source, ReferenceSchemaVersion.Legacy01))
            reference.Execute("INSERT INTO users (username, password_hash, created_at) VALUES ('alice', $h, 1)", ("$h", ReferenceDatabase.KnownHash));

        var import = await RunAsync("admin", "import-reference", Source, "--into", Target);

        Assert.Equal(1, import.ExitCode);
        var line = Assert.Single(Lines(import.Stderr));
        Assert.StartsWith($"error: '{Source}' is a database of the reference server 0.1.x, whose users and groups have integer ids", line);
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task An_import_failing_at_a_row_leaves_the_configured_database_as_it_was()
    {
        using (var reference = ReferenceDatabase.Create(Source, foreignKeys: false))
        {
            var alice = reference.AddUser("alice", ReferenceDatabase.KnownHash);
            var group = reference.AddGroup("team");
            reference.AddMember(group, alice, "admin");
            reference.AddMessage(group, alice, 1, [0x01]);
            // A welcome for a group that no longer exists: the last kind written, so everything before it was in.
            reference.Execute("INSERT INTO pending_welcomes (id, group_id, user_id, welcome_data, created_at) VALUES ($id, $g, $u, x'00', 1)",
                ("$id", ReferenceDatabase.Text(Guid.NewGuid())), ("$g", ReferenceDatabase.Text(Guid.NewGuid())), ("$u", ReferenceDatabase.Text(alice)));
        }
        var config = await WriteConfigAsync(Target);
        Assert.Equal(0, (await RunAsync("--config", config, "admin", "stats")).ExitCode); // creates the (empty) configured database
        var before = await DumpAsync(Target);

        var import = await RunAsync("--config", config, "admin", "import-reference", Source);
        var into = await RunAsync("admin", "import-reference", Source, "--into", Path.Combine(_folder.Path, "new.db"));

        Assert.Equal(1, import.ExitCode);
        Assert.StartsWith("error: cannot import pending welcomes: ", Assert.Single(Lines(import.Stderr)));
        Assert.Equal(before, await DumpAsync(Target));
        Assert.Equal(1, into.ExitCode);
        Assert.Empty(Directory.GetFiles(_folder.Path, "new.db*"));
    }

    [Fact]
    public async Task A_target_that_holds_users_is_refused_and_left_as_it_was()
    {
        using (var reference = ReferenceDatabase.Create(Source)) reference.AddUser("alice", ReferenceDatabase.KnownHash);
        var config = await WriteConfigAsync(Target);
        Assert.Equal(0, (await RunWithInputAsync("password123\n", "--config", config, "admin", "users", "create", "zed")).ExitCode);
        var before = await DumpAsync(Target);

        var import = await RunAsync("--config", config, "admin", "import-reference", Source);

        Assert.Equal(1, import.ExitCode);
        Assert.Equal($"error: the target database '{Target}' already holds users or groups: import into a new file with --into", Assert.Single(Lines(import.Stderr)));
        Assert.Equal(before, await DumpAsync(Target));
    }

    [Fact]
    public async Task A_source_that_another_process_has_open_is_refused()
    {
        using var reference = ReferenceDatabase.Create(Source); // held open, as by a running reference server
        reference.AddUser("alice", ReferenceDatabase.KnownHash);

        var import = await RunAsync("admin", "import-reference", Source, "--into", Target);

        Assert.Equal(1, import.ExitCode);
        Assert.Equal($"error: '{Source}' is open in another process (pid {Environment.ProcessId}): stop the reference server first", Assert.Single(Lines(import.Stderr)));
        Assert.False(File.Exists(Target));
    }

    [Theory]
    [InlineData("not a database at all, just text")]
    [InlineData("SQLite format 3\0 and then garbage where the pages should be ..............................................")]
    public async Task A_source_that_is_not_a_readable_sqlite_database_is_refused_in_one_line(string content)
    {
        await File.WriteAllTextAsync(Source, content);

        var import = await RunAsync("admin", "import-reference", Source, "--into", Target);

        Assert.Equal(1, import.ExitCode);
        Assert.StartsWith($"error: '{Source}' ", Assert.Single(Lines(import.Stderr)));
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task A_database_that_is_not_the_references_is_refused()
    {
        await using (var other = new SqliteConnection($"Data Source={Source};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE users (id TEXT PRIMARY KEY); CREATE TABLE notes (x)";
            await command.ExecuteNonQueryAsync();
        }

        var import = await RunAsync("admin", "import-reference", Source, "--into", Target);

        Assert.Equal(1, import.ExitCode);
        Assert.Equal($"error: '{Source}' is not a reference server database: it has no table 'sessions'", Assert.Single(Lines(import.Stderr)));
    }

    // Argon2id with the reference's parameters (m=19456 KiB, t=2, p=1), as its Argon2 library writes it.
    private static string ReferenceHash(string password)
    {
        Span<char> encoded = stackalloc char[Geralt.Argon2id.HashSize];
        Geralt.Argon2id.ComputeHash(encoded, Encoding.UTF8.GetBytes(password), iterations: 2, memorySize: 19_456 * 1024);
        var hash = new string(encoded.TrimEnd('\0'));
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash);
        return hash;
    }

    private async Task<string> WriteConfigAsync(string databasePath)
    {
        var config = Path.Combine(_folder.Path, "conclave.json");
        await File.WriteAllTextAsync(config, $$"""{"database_path": {{System.Text.Json.JsonSerializer.Serialize(databasePath)}}}""");
        return config;
    }

    // Every row of every table, in a stable order.
    private static async Task<string> DumpAsync(string path)
    {
        var dump = new StringBuilder();
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master ORDER BY name";
            await using var rows = await list.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                dump.AppendLine(rows.IsDBNull(1) ? rows.GetString(0) : rows.GetString(1));
                if (!rows.IsDBNull(1) && rows.GetString(1).StartsWith("CREATE TABLE", StringComparison.Ordinal)) tables.Add(rows.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
                for (var i = 0; i < rows.FieldCount; i++)
                    dump.Append(rows.GetValue(i) is byte[] blob ? Convert.ToHexString(blob) : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            dump.AppendLine();
        }
        return dump.ToString();
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunWithInputAsync(string? input, params string[] args)
    {
        await using var process = ServerProcess.Start(_folder.Path, null, args);
        if (input is not null) await process.Stdin.WriteAsync(input);
        process.Stdin.Close();
        var exitCode = await process.ExitCodeAsync(TimeSpan.FromSeconds(120));
        return (exitCode, process.Stdout, process.Stderr);
    }

    private static ByteString Bytes(Guid id) => ByteString.CopyFrom(id.ToByteArray(bigEndian: true));

    private static ByteString Bytes(params byte[] bytes) => ByteString.CopyFrom(bytes);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
