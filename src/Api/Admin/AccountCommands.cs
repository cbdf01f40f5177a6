using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Administration.Commands.DeleteUser;
using Conclave.Application.Administration.Commands.ResetPassword;
using Conclave.Application.Administration.Commands.SignOutUser;

namespace Conclave.Api.Admin;

// The same use cases as the routes (validation, Argon2id, one transaction, the events), plus the two only the operator may.
internal static class AccountCommands
{
    public static async Task<int> CreateAsync(AdminHost host, AdminConsole console, string username, string alias)
    {
        if (PasswordInput.Read(console) is not { } password) return AdminCli.Refused;
        var id = await host.SendAsync(new RegisterCommand(username, password, alias, RegistrationToken: ""));
        console.Out.WriteLine($"created user {username} ({id})");
        return AdminCli.Done;
    }

    public static async Task<int> ResetPasswordAsync(AdminHost host, AdminConsole console, string username)
    {
        if (PasswordInput.Read(console) is not { } password) return AdminCli.Refused;
        await host.SendAsync(new ResetPasswordCommand(username, password));
        console.Out.WriteLine($"reset the password of {username}; every session of theirs is signed out");
        return AdminCli.Done;
    }

    public static async Task<int> DeleteAsync(AdminHost host, AdminConsole console, string username)
    {
        await host.SendAsync(new DeleteUserCommand(username));
        console.Out.WriteLine($"deleted user {username}");
        return AdminCli.Done;
    }

    public static async Task<int> SignOutAsync(AdminHost host, AdminConsole console, string username)
    {
        var ended = await host.SendAsync(new SignOutUserCommand(username));
        console.Out.WriteLine($"signed {username} out: {ended} session(s) ended");
        return AdminCli.Done;
    }
}
