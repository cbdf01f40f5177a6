using Conclave.Application.Common.Persistence;

namespace Conclave.Application.Administration.Queries.ListInvitations;

public sealed record ListInvitationsQuery : IQuery<IReadOnlyList<InvitationSummaryDto>>;
