using Conclave.Domain.Common;

namespace Conclave.Application.Administration;

/// <summary>A user as the operator lists them; sessions are those not yet expired.</summary>
public sealed record UserSummaryDto(UserId UserId, string Username, string Alias, long CreatedAt, int Groups, int ActiveSessions);
