using Conclave.Api.Configuration;
using Conclave.Api.Plugins;
using Conclave.Domain.Common;
using Conclave.Infrastructure.Sqlite.Files;
using Conclave.Plugins.Abstractions.Policies;

namespace Conclave.Api.Admin;

/// <summary><c>conclave-server admin ...</c>: the operator's commands against the configured database.</summary>
public static class AdminCli
{
    public const int Done = 0, Refused = 1, UsageError = 2;

    public const string Usage = """
        Usage: conclave-server [--config PATH] admin COMMAND

          users list                          every user: id, username, alias, creation, groups, active sessions
          users create USERNAME [--alias A]   registers USERNAME, even while registration is closed
          users reset-password USERNAME       sets a new password and signs the user out on every device
          users delete USERNAME               deletes the account and everything that is theirs (as delete-account)
          users sessions USERNAME             the user's live sessions: last used, expiry (never a token)
          users sign-out USERNAME             ends every session of the user; a running server closes their streams
          groups list                         every group: id, name, alias, visibility, members, admins, messages
          stats                               how many users, sessions, groups, messages, invites, welcomes, key packages
          invitations create [--uses N] [--expires DURATION] [--note TEXT]
                                              prints a new registration token that works while registration is
                                              closed, N times (default 1) until DURATION (default 7d) has passed;
                                              shown only now: only its hash is kept
          invitations list                    every invitation: id, state, uses left, used, expiry, creation, note
          invitations revoke ID               ends an invitation: its token registers nobody from then on
          backup PATH                         writes a checked copy of the database to the new file PATH (mode 0600),
                                              also while the server runs; prints its size
          import-reference SOURCE.db [--into PATH]
                                              copies a stopped reference server's database into database_path (or
                                              into a new file at PATH): users with their passwords, sessions, groups,
                                              messages, key packages, invites, welcomes; the target must hold no users
                                              or groups

        Passwords are read from standard input (typed twice, unseen, at a terminal; else its first line).
        DURATION as in the configuration: a positive number and s, h, d, w, m (30 days) or y (365 days): 12h, 7d, 1m.
        Exit codes: 0 done, 1 refused (unknown user, name taken, password too short, a plugin's policy, unknown
        invitation, backup file exists, copy fails its check, ...) or a plugin that cannot be loaded, 2 usage or
        configuration error.
        """;

    public static async Task<int> RunAsync(ServerConfig config, IReadOnlyList<string> words, AdminConsole console)
    {
        if (words is ["backup", var backupPath]) return await BackupCommand.RunAsync(config, backupPath, console);
        try
        {
            return await DispatchAsync(config, words, console);
        }
        catch (AdminUsageException usage)
        {
            console.Error.WriteLine($"error: {usage.Message}");
            console.Error.WriteLine(Usage);
            return UsageError;
        }
    }

    private static async Task<int> DispatchAsync(ServerConfig config, IReadOnlyList<string> words, AdminConsole console)
    {
        Func<AdminHost, AdminConsole, Task<int>>? command = words switch
        {
            ["users", "list"] => AdminReports.ListUsersAsync,
            ["users", "create", var username] => (host, io) => AccountCommands.CreateAsync(host, io, username, alias: ""),
            ["users", "create", var username, "--alias", var alias] => (host, io) => AccountCommands.CreateAsync(host, io, username, alias),
            ["users", "reset-password", var username] => (host, io) => AccountCommands.ResetPasswordAsync(host, io, username),
            ["users", "delete", var username] => (host, io) => AccountCommands.DeleteAsync(host, io, username),
            ["users", "sessions", var username] => (host, io) => AdminReports.ListSessionsAsync(host, io, username),
            ["users", "sign-out", var username] => (host, io) => AccountCommands.SignOutAsync(host, io, username),
            ["groups", "list"] => AdminReports.ListGroupsAsync,
            ["stats"] => AdminReports.StatsAsync,
            ["invitations", "create", ..] => InvitationCommands.Create([.. words.Skip(2)]),
            ["invitations", "list"] => InvitationCommands.ListAsync,
            ["invitations", "revoke", var id] => InvitationCommands.Revoke(id),
            _ => null,
        };
        if (words is ["import-reference", var source, ..])
            return await ReferenceImportCommand.RunAsync(config, source, [.. words.Skip(2)], console);
        if (words is ["--help" or "-h"])
        {
            console.Out.WriteLine(Usage);
            return Done;
        }
        if (command is null)
        {
            console.Error.WriteLine(words.Count == 0 ? "missing admin command" : $"unknown admin command '{string.Join(' ', words)}'");
            console.Error.WriteLine(Usage);
            return UsageError;
        }
        AdminHost opened;
        try
        {
            opened = await AdminHost.OpenAsync(config);
        }
        catch (Exception broken) when (broken is PluginLoadException or ForeignDatabaseException)
        {
            console.Error.WriteLine($"cannot start: {broken.Message}");
            return Refused; // the server's start-failure code
        }
        await using var host = opened;
        try
        {
            return await command(host, console);
        }
        catch (Exception refusal) when (refusal is DomainException or PolicyRejectedException)
        {
            console.Error.WriteLine($"error: {refusal.Message}");
            return Refused;
        }
    }
}
