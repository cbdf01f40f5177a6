using System.Security.Cryptography;
using System.Text;
using Conclave.Application.Common.Settings;

namespace Conclave.Application.Accounts.Commands.Register;

// spec architecture/authentication.md: with registration closed, only the configured token opens it.
public sealed class RegistrationGate(ServerSettings settings)
{
    /// <summary>Why a registration with <paramref name="suppliedToken"/> is refused, or null when it may proceed.</summary>
    public string? Refusal(string suppliedToken)
    {
        if (settings.RegistrationEnabled) return null;
        if (settings.RegistrationToken is not { } expected) return "registration is disabled";
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(suppliedToken), Encoding.UTF8.GetBytes(expected));
        return matches ? null : "invalid registration token";
    }
}
