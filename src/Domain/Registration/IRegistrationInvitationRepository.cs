using Conclave.Domain.Common;

namespace Conclave.Domain.Registration;

public interface IRegistrationInvitationRepository
{
    void Add(RegistrationInvitation invitation);
    Task<RegistrationInvitation?> GetAsync(InvitationId id, CancellationToken cancellationToken);
    /// <summary>The invitation whose token hashes to <paramref name="tokenHash"/>, tracked for a change in this transaction.</summary>
    Task<RegistrationInvitation?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken);
    /// <summary>Whether that invitation is live now, read without tracking it (a later <see cref="FindByTokenAsync"/> reads afresh).</summary>
    Task<bool> IsLiveAsync(string tokenHash, long now, CancellationToken cancellationToken);
    /// <summary>Every invitation, oldest first, read without tracking.</summary>
    Task<IReadOnlyList<RegistrationInvitation>> ListAsync(CancellationToken cancellationToken);
}
