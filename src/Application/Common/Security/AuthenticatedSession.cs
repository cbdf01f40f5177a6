using Conclave.Domain.Common;

namespace Conclave.Application.Common.Security;

public sealed record AuthenticatedSession(UserId UserId, string TokenHash, long ExpiresAt);
