using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Groups;

/// <summary>A group as its members list it (the wire's GroupInfo message, not the MLS GroupInfo blob).</summary>
public sealed record GroupDto(
    GroupId GroupId,
    string Name,
    string Alias,
    string MlsGroupId,
    long MessageExpirySeconds,
    GroupVisibility Visibility,
    IReadOnlyList<GroupMemberDto> Members);
