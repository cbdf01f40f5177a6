using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;

namespace Conclave.Application.Groups.Queries.ListGroups;

public sealed record ListGroupsQuery(UserId Actor) : IQuery<IReadOnlyList<GroupDto>>;
