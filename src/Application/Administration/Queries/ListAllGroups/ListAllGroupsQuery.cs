using Conclave.Application.Common.Persistence;

namespace Conclave.Application.Administration.Queries.ListAllGroups;

public sealed record ListAllGroupsQuery : IQuery<IReadOnlyList<GroupSummaryDto>>;
