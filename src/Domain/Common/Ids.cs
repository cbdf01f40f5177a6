namespace Conclave.Domain.Common;

// Ids travel as 16 RFC 4122 (big-endian) bytes; new ones are random version-4 UUIDs (CLARIFICATIONS §2.4).

public readonly record struct UserId(Guid Value)
{
    public static UserId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

public readonly record struct GroupId(Guid Value)
{
    public static GroupId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

public readonly record struct InviteId(Guid Value)
{
    public static InviteId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

public readonly record struct WelcomeId(Guid Value)
{
    public static WelcomeId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

public readonly record struct InvitationId(Guid Value)
{
    public static InvitationId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}
