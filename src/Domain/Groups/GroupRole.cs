namespace Conclave.Domain.Groups;

// Values are the wire enum's (GROUP_ROLE_MEMBER = 1, GROUP_ROLE_ADMIN = 2).
public enum GroupRole
{
    Member = 1,
    Admin = 2,
}
