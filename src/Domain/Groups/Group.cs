using Conclave.Domain.Common;

namespace Conclave.Domain.Groups;

public sealed class Group : AggregateRoot
{
    private readonly List<GroupMember> _members = [];
    private readonly List<GroupBan> _bans = [];
    private readonly List<PendingExternalJoin> _pendingExternalJoins = [];

    private Group() { } // EF Core

    public GroupId Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Alias { get; private set; } = "";
    /// <summary>Hex MLS group id; empty until the first commit or external join carrying one (set once).</summary>
    public string MlsGroupId { get; private set; } = "";
    /// <summary>-1 disabled, 0 delete-after-fetch, otherwise seconds.</summary>
    public long MessageExpirySeconds { get; private set; } = -1;
    public GroupVisibility Visibility { get; private set; } = GroupVisibility.Private;
    /// <summary>Last sequence number handed out; only moves forward (CLARIFICATIONS decision 1).</summary>
    public long LastSequence { get; private set; }
    public long CreatedAt { get; private set; }

    public IReadOnlyCollection<GroupMember> Members => _members.AsReadOnly();
    public IReadOnlyCollection<GroupBan> Bans => _bans.AsReadOnly();
    public IReadOnlyCollection<PendingExternalJoin> PendingExternalJoins => _pendingExternalJoins.AsReadOnly();

    public static Group Create(string name, string alias, UserId creator, long now)
    {
        var group = new Group { Id = GroupId.New(), Name = name, Alias = alias, CreatedAt = now };
        group._members.Add(new GroupMember(creator, GroupRole.Admin, now));
        group.Raise(new GroupCreated(group.Id, creator, name));
        return group;
    }

    public GroupRole? RoleOf(UserId user) => _members.Find(m => m.UserId == user)?.Role;

    public bool IsMember(UserId user) => _members.Exists(m => m.UserId == user);

    public bool IsAdmin(UserId user) => RoleOf(user) == GroupRole.Admin;

    public void RequireMember(UserId actor)
    {
        if (!IsMember(actor)) throw DomainException.NotMember();
    }

    public void RequireAdmin(UserId actor, string message)
    {
        if (!IsAdmin(actor)) throw DomainException.NotAdmin(message);
    }

    public IReadOnlyList<UserId> MemberIds() => _members.ConvertAll(m => m.UserId);

    /// <summary>Hands out the next sequence number for a message stored in this group.</summary>
    public long NextSequence() => ++LastSequence;
}
