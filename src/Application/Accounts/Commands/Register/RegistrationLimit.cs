using Conclave.Application.Common.RateLimiting;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;

namespace Conclave.Application.Accounts.Commands.Register;

/// <summary>
/// register_limit_per_minute: registration requests per client address per rolling minute, whatever their outcome
/// (each valid one costs an Argon2id hash); 0 is unlimited. Checked once the body is decoded, before anything else.
/// </summary>
public sealed class RegistrationLimit(ServerSettings settings, TimeProvider clock)
{
    private readonly RollingWindow<string> _registrations = new(clock, TimeSpan.FromMinutes(1));

    public void Admit(string clientAddress)
    {
        var limit = settings.RegisterLimitPerMinute;
        if (limit == 0) return;
        if (_registrations.TryAdd(clientAddress, limit) is null)
            throw new DomainException(DomainError.RateLimited, $"rate limit exceeded: at most {limit} registrations per minute from this address");
    }
}
