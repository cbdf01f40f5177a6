using Conclave.Application.Common.Persistence;

namespace Conclave.Application.Administration.Queries.ListSessions;

/// <summary>The live sessions of one user (admin users sessions), soonest expiry first.</summary>
public sealed record ListSessionsQuery(string Username) : IQuery<IReadOnlyList<SessionSummaryDto>>;
