using Conclave.Domain.Common;

namespace Conclave.Application.Groups;

public sealed record PublicGroupDto(GroupId GroupId, string Name, string Alias, int MemberCount);
