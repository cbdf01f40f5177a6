using System.Security.Cryptography;
using System.Text;
using Conclave.Api.Configuration;
using Conclave.Application.Common.RateLimiting;
using Conclave.Domain.Common;

namespace Conclave.Api.Abuse;

/// <summary>
/// login_failure_limit_per_minute: failed logins per rolling minute, per client address and, separately, per
/// username; 0 is unlimited. A login takes a place in both windows before its password is verified, so parallel
/// guesses cannot overrun the limit, and gives them back when it succeeds: successful logins never count.
/// </summary>
public sealed class LoginFailureLimit(ServerConfig config, TimeProvider clock)
{
    private readonly RollingWindow<string> _byAddress = new(clock, TimeSpan.FromMinutes(1));
    private readonly RollingWindow<string> _byUsername = new(clock, TimeSpan.FromMinutes(1));

    public LoginAttempt Begin(string clientAddress, string username)
    {
        var limit = config.LoginFailureLimitPerMinute;
        if (limit == 0) return LoginAttempt.Uncounted;
        var addressStamp = _byAddress.TryAdd(clientAddress, limit) ?? throw Refused(limit, "from this address");
        var name = NameKey(username);
        if (_byUsername.TryAdd(name, limit) is not { } nameStamp)
        {
            _byAddress.Remove(clientAddress, addressStamp);
            throw Refused(limit, "for this username");
        }
        return new LoginAttempt(() =>
        {
            _byAddress.Remove(clientAddress, addressStamp);
            _byUsername.Remove(name, nameStamp);
        });
    }

    private static DomainException Refused(long limit, string scope) =>
        new(DomainError.RateLimited, $"rate limit exceeded: at most {limit} failed logins per minute {scope}");

    // Names are kept as their hash: a request may carry a name of up to 1 MiB, and the window remembers it a minute.
    private static string NameKey(string username) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(username)));
}
