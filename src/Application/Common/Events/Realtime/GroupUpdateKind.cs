namespace Conclave.Application.Common.Events.Realtime;

/// <summary>The GroupUpdateType values the reference emits (CLARIFICATIONS C1: a profile change is GroupSettings).</summary>
public enum GroupUpdateKind
{
    Commit = 1,
    GroupSettings = 2,
    RoleChange = 3,
}
