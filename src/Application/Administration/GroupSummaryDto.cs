using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Administration;

/// <summary>A group as the operator lists it; messages are those still stored.</summary>
public sealed record GroupSummaryDto(
    GroupId GroupId, string Name, string Alias, GroupVisibility Visibility, int Members, int Admins, long Messages, long CreatedAt);
