using Conclave.Domain.Common;

namespace Conclave.Domain.Groups;

/// <summary>A snapshot of who is in a group, for events whose recipients vanish with the change.</summary>
public sealed record GroupMembers(GroupId GroupId, IReadOnlyList<UserId> Members)
{
    public GroupMembers Without(UserId user) => this with { Members = Members.Where(m => m != user).ToList() };
}
