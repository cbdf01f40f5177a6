namespace Conclave.Domain.Groups;

// Values are the wire enum's (GROUP_VISIBILITY_PRIVATE = 1, GROUP_VISIBILITY_PUBLIC = 2).
public enum GroupVisibility
{
    Private = 1,
    Public = 2,
}
