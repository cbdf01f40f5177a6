using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;

namespace Conclave.Application.Invites.Queries.ListPendingInvites;

public sealed record ListPendingInvitesQuery(UserId Actor) : IQuery<IReadOnlyList<PendingInviteDto>>;
