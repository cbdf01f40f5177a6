namespace Conclave.Application.Accounts.Commands.Login;

/// <summary>One login in progress: unless it succeeds, its places in the windows stay, as the failure they record.</summary>
public sealed class LoginAttempt(Action release)
{
    public static readonly LoginAttempt Uncounted = new(() => { });

    public void Succeeded() => release();
}
