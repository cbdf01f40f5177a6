using System.Security.Cryptography;
using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Conclave.Domain.Registration;

namespace Conclave.Application.Accounts.Commands.Register;

// spec architecture/authentication.md: with registration closed, only the configured token opens it; ours: or a live
// invitation (docs/compatibility.md), refused exactly as a wrong configured token is.
public sealed class RegistrationGate(ServerSettings settings, IRegistrationInvitationRepository invitations, ISessionTokens tokens, TimeProvider clock)
{
    /// <summary>Why a registration with <paramref name="suppliedToken"/> is refused, or null when it may proceed.</summary>
    public async Task<string?> RefusalAsync(string suppliedToken, CancellationToken cancellationToken)
    {
        if (Admits(suppliedToken)) return null;
        if (suppliedToken.Length > 0 && await invitations.IsLiveAsync(tokens.Hash(suppliedToken), Now, cancellationToken)) return null;
        return Refusal;
    }

    /// <summary>
    /// Inside the registration's transaction: spends one use of the invitation <paramref name="suppliedToken"/> names,
    /// unless registration is open or the token is the configured one. A use spent by a concurrent registration since
    /// <see cref="RefusalAsync"/> is refused here.
    /// </summary>
    public async Task AdmitAsync(string suppliedToken, CancellationToken cancellationToken)
    {
        if (Admits(suppliedToken)) return;
        var invitation = suppliedToken.Length > 0 ? await invitations.FindByTokenAsync(tokens.Hash(suppliedToken), cancellationToken) : null;
        if (invitation?.TryConsume(Now) != true) throw new DomainException(DomainError.Forbidden, Refusal);
    }

    private bool Admits(string suppliedToken) =>
        settings.RegistrationEnabled
        || settings.RegistrationToken is { } expected
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(suppliedToken), Encoding.UTF8.GetBytes(expected));

    private string Refusal => settings.RegistrationToken is null ? "registration is disabled" : "invalid registration token";

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();
}
