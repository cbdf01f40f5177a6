using System.Globalization;
using Conclave.Api.Configuration;
using Conclave.Application.Administration.Queries.GetServerStats;
using Conclave.Application.Administration.Queries.ListAllGroups;
using Conclave.Application.Administration.Queries.ListSessions;
using Conclave.Application.Administration.Queries.ListUsers;

namespace Conclave.Api.Admin;

internal static class AdminReports
{
    public static async Task<int> ListUsersAsync(AdminHost host, AdminConsole console)
    {
        var users = await host.SendAsync(new ListUsersQuery());
        TextTable.Write(console.Out, ["USER ID", "USERNAME", "ALIAS", "CREATED (UTC)", "GROUPS", "SESSIONS"],
            users.Select(u => new[] { u.UserId.ToString(), u.Username, u.Alias, Time(u.CreatedAt), Number(u.Groups), Number(u.ActiveSessions) }));
        return AdminCli.Done;
    }

    public static async Task<int> ListSessionsAsync(AdminHost host, AdminConsole console, string username)
    {
        var sessions = await host.SendAsync(new ListSessionsQuery(username));
        TextTable.Write(console.Out, ["CREATED (UTC)", "LAST USED (UTC)", "EXPIRES (UTC)"],
            sessions.Select(s => new[] { Time(s.CreatedAt), Time(s.LastUsedAt), Time(s.ExpiresAt) }));
        return AdminCli.Done;
    }

    public static async Task<int> ListGroupsAsync(AdminHost host, AdminConsole console)
    {
        var groups = await host.SendAsync(new ListAllGroupsQuery());
        TextTable.Write(console.Out, ["GROUP ID", "NAME", "ALIAS", "VISIBILITY", "MEMBERS", "ADMINS", "MESSAGES", "CREATED (UTC)"],
            groups.Select(g => new[]
            {
                g.GroupId.ToString(), g.Name, g.Alias, g.Visibility.ToString().ToLowerInvariant(),
                Number(g.Members), Number(g.Admins), Number(g.Messages), Time(g.CreatedAt),
            }));
        return AdminCli.Done;
    }

    public static async Task<int> StatsAsync(AdminHost host, AdminConsole console)
    {
        var stats = await host.SendAsync(new GetServerStatsQuery());
        var databaseBytes = FileBytes(host.Config.DatabasePath) + FileBytes(host.Config.DatabasePath + "-wal");
        TextTable.Write(console.Out, ["WHAT", "COUNT"],
        [
            ["users", Number(stats.Users)],
            ["active sessions", Number(stats.ActiveSessions)],
            ["groups", Number(stats.Groups)],
            ["public groups", Number(stats.PublicGroups)],
            ["memberships", Number(stats.Memberships)],
            ["stored messages", Number(stats.Messages)],
            ["pending invites", Number(stats.PendingInvites)],
            ["pending welcomes", Number(stats.PendingWelcomes)],
            ["key packages", Number(stats.KeyPackages)],
            ["database bytes", Number(databaseBytes)],
        ]);
        return AdminCli.Done;
    }

    public static string Time(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long FileBytes(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
