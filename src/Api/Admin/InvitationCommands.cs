using System.Globalization;
using Conclave.Application.Administration.Commands.CreateInvitation;
using Conclave.Application.Administration.Commands.RevokeInvitation;
using Conclave.Application.Administration.Queries.ListInvitations;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;

namespace Conclave.Api.Admin;

// Registration invitations: tokens that register someone while registration_enabled is false.
internal static class InvitationCommands
{
    private const int DefaultUses = 1;
    private const string DefaultExpiry = "7d";

    /// <summary>The create command for <c>[--uses N] [--expires DURATION] [--note TEXT]</c>, in any order.</summary>
    /// <exception cref="AdminUsageException">An option is unknown, repeated, lacks its value or has a malformed one.</exception>
    public static Func<AdminHost, AdminConsole, Task<int>> Create(IReadOnlyList<string> options)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < options.Count; i += 2)
        {
            if (options[i] is not ("--uses" or "--expires" or "--note")) throw new AdminUsageException($"unknown option '{options[i]}'");
            if (i + 1 == options.Count) throw new AdminUsageException($"{options[i]} needs a value");
            if (!values.TryAdd(options[i], options[i + 1])) throw new AdminUsageException($"{options[i]} given twice");
        }
        var usesText = values.GetValueOrDefault("--uses", DefaultUses.ToString(CultureInfo.InvariantCulture));
        if (!int.TryParse(usesText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var uses))
            throw new AdminUsageException($"--uses '{usesText}' is not a whole number");
        if (!DurationFormat.TryParse(values.GetValueOrDefault("--expires", DefaultExpiry), out var lifetime, out var error))
            throw new AdminUsageException($"--expires: {error}");
        var command = new CreateInvitationCommand(uses, lifetime, values.GetValueOrDefault("--note", ""));
        return (host, console) => CreateAsync(host, console, command);
    }

    public static async Task<int> ListAsync(AdminHost host, AdminConsole console)
    {
        var invitations = await host.SendAsync(new ListInvitationsQuery());
        TextTable.Write(console.Out, ["INVITATION ID", "STATE", "USES LEFT", "USED", "EXPIRES (UTC)", "CREATED (UTC)", "NOTE"],
            invitations.Select(i => new[]
            {
                i.Id.ToString(), i.State.ToString().ToLowerInvariant(), AdminReports.Number(i.UsesLeft), AdminReports.Number(i.TimesUsed),
                AdminReports.Time(i.ExpiresAt), AdminReports.Time(i.CreatedAt), i.Note,
            }));
        return AdminCli.Done;
    }

    /// <exception cref="AdminUsageException"><paramref name="id"/> is no UUID.</exception>
    public static Func<AdminHost, AdminConsole, Task<int>> Revoke(string id) =>
        Guid.TryParse(id, out var guid)
            ? (host, console) => RevokeAsync(host, console, new InvitationId(guid))
            : throw new AdminUsageException($"'{id}' is no invitation id (invitations list shows them)");

    private static async Task<int> CreateAsync(AdminHost host, AdminConsole console, CreateInvitationCommand command)
    {
        var invitation = await host.SendAsync(command);
        var uses = command.Uses == 1 ? "1 use" : $"{AdminReports.Number(command.Uses)} uses";
        console.Out.WriteLine($"created invitation {invitation.Id} ({uses}, expires {AdminReports.Time(invitation.ExpiresAt)} UTC); its token, shown only now:");
        console.Out.WriteLine(invitation.Token);
        return AdminCli.Done;
    }

    private static async Task<int> RevokeAsync(AdminHost host, AdminConsole console, InvitationId id)
    {
        await host.SendAsync(new RevokeInvitationCommand(id));
        console.Out.WriteLine($"revoked invitation {id}");
        return AdminCli.Done;
    }
}
