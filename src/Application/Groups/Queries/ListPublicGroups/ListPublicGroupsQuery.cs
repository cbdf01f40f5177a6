using Conclave.Application.Common.Persistence;

namespace Conclave.Application.Groups.Queries.ListPublicGroups;

/// <summary>An empty <paramref name="Pattern"/> lists every public group.</summary>
public sealed record ListPublicGroupsQuery(string Pattern) : IQuery<IReadOnlyList<PublicGroupDto>>;
