namespace Conclave.Domain.Registration;

/// <summary>Whether a registration invitation still admits anyone, and if not, why not.</summary>
public enum InvitationState
{
    Live,
    Exhausted,
    Expired,
    Revoked,
}
