namespace Conclave.Domain.Common;

/// <summary>What kind of failure a <see cref="DomainException"/> is; the API maps each kind to a status and ErrorCode.</summary>
public enum DomainError
{
    Validation,
    BadRequest,
    NotFound,
    Conflict,
    Forbidden,
    NotMember,
    NotAdmin,
    NotPublic,
    Banned,
    InvalidCredentials,
    RateLimited,
}
