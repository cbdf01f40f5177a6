using Conclave.Application.Common.RateLimiting;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;

namespace Conclave.Application.Accounts.Commands.Login;

/// <summary>
/// login_failure_limit_per_minute: failed logins per rolling minute per client address; 0 is unlimited. There is
/// deliberately no window per username: anyone could fill it, and lock the user out of the right password from
/// everywhere (docs/security.md, Failed logins). A count per (username, address) would need no window of its own
/// either: it never reaches the limit before its address's count does. A login takes its place before its password
/// is verified, so parallel guesses cannot overrun the limit, and gives it back when it succeeds: successful logins
/// never count.
/// </summary>
public sealed class LoginFailureLimit(ServerSettings settings, TimeProvider clock)
{
    private readonly RollingWindow<string> _byAddress = new(clock, TimeSpan.FromMinutes(1));

    public LoginAttempt Begin(string clientAddress)
    {
        var limit = settings.LoginFailureLimitPerMinute;
        if (limit == 0) return LoginAttempt.Uncounted;
        var stamp = _byAddress.TryAdd(clientAddress, limit)
            ?? throw new DomainException(DomainError.RateLimited, $"rate limit exceeded: at most {limit} failed logins per minute from this address");
        return new LoginAttempt(() => _byAddress.Remove(clientAddress, stamp));
    }
}
