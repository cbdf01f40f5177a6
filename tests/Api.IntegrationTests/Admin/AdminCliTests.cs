using System.Net;
using Conclave.Api.Admin;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Admin;

// conclave-server admin ...: against the database of a running server, whose routes then show the effect.
public sealed class AdminCliTests
{
    [Fact]
    public async Task Users_create_registers_even_while_registration_is_closed()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false });

        var run = await AdminAsync(server, ["users", "create", "alice", "--alias", "Alice A."], "password123\n");

        Assert.Equal((AdminCli.Done, ""), (run.ExitCode, run.Error));
        Assert.Matches(@"^created user alice \([0-9a-f-]{36}\)\n$", run.Output);
        var login = await server.Spec.LoginAsync("alice", "password123");
        Assert.Equal("Alice A.", (await server.Spec.GetMeAsync(login.Token)).Alias);
    }

    [Theory]
    [InlineData("short\n", "error: password must be at least 8 characters")]
    [InlineData("", "error: username and password are required")]
    public async Task Users_create_refuses_a_bad_password_with_exit_code_1(string input, string error)
    {
        await using var server = await TestServer.StartAsync();

        var run = await AdminAsync(server, ["users", "create", "alice"], input);

        Assert.Equal((AdminCli.Refused, error), (run.ExitCode, run.Error.TrimEnd()));
        await SpecClient.AssertErrorAsync(await server.Spec.LoginRawAsync("alice", "short"), HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired);
    }

    [Fact]
    public async Task Users_create_refuses_a_taken_name()
    {
        await using var server = await TestServer.StartAsync();
        await server.Spec.RegisterAsync("alice");

        var run = await AdminAsync(server, ["users", "create", "alice"], "password456\n");

        Assert.Equal((AdminCli.Refused, "error: username 'alice' already exists"), (run.ExitCode, run.Error.TrimEnd()));
    }

    [Fact]
    public async Task Users_create_refuses_a_name_taken_in_another_letter_case()
    {
        await using var server = await TestServer.StartAsync();
        await server.Spec.RegisterAsync("alice");

        var run = await AdminAsync(server, ["users", "create", "ALICE"], "password456\n");

        Assert.Equal((AdminCli.Refused, "error: username 'ALICE' already exists"), (run.ExitCode, run.Error.TrimEnd()));
    }

    [Fact]
    public async Task Passwords_typed_at_a_terminal_must_match()
    {
        await using var server = await TestServer.StartAsync();
        var typed = new Queue<string>(["password123", "password124", "password123", "password123"]);
        var prompts = new List<string>();
        string Prompt(string prompt) { prompts.Add(prompt); return typed.Dequeue(); }

        var mismatch = await AdminAsync(server, ["users", "create", "alice"], "", Prompt);
        var match = await AdminAsync(server, ["users", "create", "alice"], "", Prompt);

        Assert.Equal((AdminCli.Refused, "error: the passwords differ"), (mismatch.ExitCode, mismatch.Error.TrimEnd()));
        Assert.Equal(AdminCli.Done, match.ExitCode);
        Assert.Equal(["New password: ", "Repeat it: ", "New password: ", "Repeat it: "], prompts);
        await server.Spec.LoginAsync("alice", "password123");
    }

    [Fact]
    public async Task Users_reset_password_sets_the_new_one_and_signs_the_user_out_everywhere()
    {
        await using var server = await TestServer.StartAsync();
        var alice = await server.Spec.NewUserAsync("alice");
        var otherDevice = await server.Spec.LoginAsync(alice.Username);
        await server.Spec.GetMeAsync(alice.Token); // the server keeps the sessions it has read
        await server.Spec.GetMeAsync(otherDevice.Token);

        var run = await AdminAsync(server, ["users", "reset-password", alice.Username], "brand new password\n");

        Assert.Equal(AdminCli.Done, run.ExitCode);
        Assert.Equal($"reset the password of {alice.Username}; every session of theirs is signed out\n", run.Output);
        await server.Spec.AssertTokenDeadAsync(alice.Token);
        await server.Spec.AssertTokenDeadAsync(otherDevice.Token);
        await SpecClient.AssertErrorAsync(await server.Spec.LoginRawAsync(alice.Username, "password123"), HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired);
        await server.Spec.LoginAsync(alice.Username, "brand new password");
    }

    [Fact]
    public async Task Users_reset_password_of_nobody_or_to_a_short_password_is_refused()
    {
        await using var server = await TestServer.StartAsync();
        var alice = await server.Spec.NewUserAsync("alice");

        var nobody = await AdminAsync(server, ["users", "reset-password", "nobody"], "brand new password\n");
        var tooShort = await AdminAsync(server, ["users", "reset-password", alice.Username], "short\n");

        Assert.Equal((AdminCli.Refused, "error: user not found"), (nobody.ExitCode, nobody.Error.TrimEnd()));
        Assert.Equal((AdminCli.Refused, "error: password must be at least 8 characters"), (tooShort.ExitCode, tooShort.Error.TrimEnd()));
        await server.Spec.GetMeAsync(alice.Token); // still signed in
    }

    [Fact]
    public async Task Users_delete_removes_the_account_and_its_memberships()
    {
        await using var server = await TestServer.StartAsync();
        var alice = await server.Spec.NewUserAsync("alice");
        var bob = await server.Spec.NewUserAsync("bob");
        var group = await server.Spec.WithMembersAsync(await server.Spec.CreateGroupAsync(bob), alice);
        await server.Spec.GetAsync($"/api/v1/groups/{group.Id}/retention", alice.Token); // her session and role, kept

        var run = await AdminAsync(server, ["users", "delete", alice.Username], "");

        Assert.Equal((AdminCli.Done, $"deleted user {alice.Username}\n"), (run.ExitCode, run.Output));
        await server.Spec.AssertTokenDeadAsync(alice.Token);
        await SpecClient.AssertErrorAsync(await server.Spec.UserByNameAsync(bob.Token, alice.Username), HttpStatusCode.NotFound, ErrorCode.ResourceNotFound);
        var groups = await SpecClient.ReadAsync<ListGroupsResponse>(await server.Spec.GetAsync("/api/v1/groups", bob.Token));
        Assert.Equal([bob.Id], Assert.Single(groups.Groups, g => g.GroupId == group.Id).Members.Select(m => m.UserId));
        var again = await AdminAsync(server, ["users", "delete", alice.Username], "");
        Assert.Equal((AdminCli.Refused, "error: user not found"), (again.ExitCode, again.Error.TrimEnd()));
    }

    [Fact]
    public async Task Lists_and_stats_show_every_user_and_group()
    {
        await using var server = await TestServer.StartAsync();
        var alice = await server.Spec.NewUserAsync("alice");
        var bob = await server.Spec.NewUserAsync("bob");
        var group = await server.Spec.WithMembersAsync(await server.Spec.CreateGroupAsync(alice, "lobby", "The Lobby"), bob);
        await server.Spec.SendAsync(group, bob, [1, 2, 3]);

        var usersOutput = (await AdminAsync(server, ["users", "list"], "")).Output;
        var groupsOutput = (await AdminAsync(server, ["groups", "list"], "")).Output;
        var (users, groups, stats) = (Lines(usersOutput), Lines(groupsOutput), Lines((await AdminAsync(server, ["stats"], "")).Output));

        Assert.Matches(@"^USER ID +USERNAME +ALIAS +CREATED \(UTC\) +GROUPS +SESSIONS\n", usersOutput);
        Assert.Matches(@"^GROUP ID +NAME +ALIAS +VISIBILITY +MEMBERS +ADMINS +MESSAGES +CREATED \(UTC\)\n", groupsOutput);
        Assert.Equal([alice.Guid.ToString(), alice.Username, "1", "1"], [users[1][0], users[1][1], users[1][^2], users[1][^1]]);
        Assert.Equal([bob.Guid.ToString(), bob.Username, "1", "1"], [users[2][0], users[2][1], users[2][^2], users[2][^1]]);
        Assert.Equal(3, users.Count);
        Assert.Equal([group.Guid.ToString(), "lobby", "The", "Lobby", "public", "2", "1", "1"], groups[1][..8]);
        var counts = stats.Skip(1).ToDictionary(row => string.Join(' ', row[..^1]), row => row[^1]);
        Assert.Equal(("2", "2", "1", "1", "2", "1"), (counts["users"], counts["active sessions"], counts["groups"], counts["public groups"], counts["memberships"], counts["stored messages"]));
        Assert.True(long.Parse(counts["database bytes"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [InlineData]
    [InlineData("users")]
    [InlineData("users", "create")]
    [InlineData("users", "remove", "alice")]
    [InlineData("groups", "delete", "lobby")]
    public async Task An_unknown_or_incomplete_command_prints_the_usage_and_exits_with_2(params string[] words)
    {
        await using var server = await TestServer.StartAsync();

        var run = await AdminAsync(server, words, "");

        Assert.Equal(AdminCli.UsageError, run.ExitCode);
        Assert.Contains("Usage: conclave-server [--config PATH] admin COMMAND", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_with_0()
    {
        await using var server = await TestServer.StartAsync();

        var run = await AdminAsync(server, ["--help"], "");

        Assert.Equal((AdminCli.Done, ""), (run.ExitCode, run.Error));
        Assert.StartsWith("Usage: conclave-server [--config PATH] admin COMMAND", run.Output);
        foreach (var command in new[] { "invitations create [--uses N] [--expires DURATION] [--note TEXT]", "invitations list", "invitations revoke ID", "backup PATH" })
            Assert.Contains($"\n  {command}", run.Output);
    }

    private static async Task<AdminRun> AdminAsync(TestServer server, string[] words, string input, Func<string, string>? prompt = null)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await AdminCli.RunAsync(server.Config, words, new AdminConsole(new StringReader(input), output, error, prompt));
        return new AdminRun(exitCode, output.ToString(), error.ToString());
    }

    private static List<string[]> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

    private sealed record AdminRun(int ExitCode, string Output, string Error);
}
