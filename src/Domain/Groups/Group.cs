using Conclave.Domain.Common;
using Conclave.Domain.Messages;

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

    /// <summary>Group names are unique, case-sensitively; the repository knows which are taken (R14, R16).</summary>
    public static DomainException NameTaken(string name) => new(DomainError.Conflict, $"group_name '{name}' already exists");

    public GroupRole? RoleOf(UserId user) => _members.Find(m => m.UserId == user)?.Role;
    public bool IsMember(UserId user) => _members.Exists(m => m.UserId == user);
    public bool IsAdmin(UserId user) => RoleOf(user) == GroupRole.Admin;
    public bool IsBanned(UserId user) => _bans.Exists(b => b.UserId == user);
    public IReadOnlyList<UserId> MemberIds() => _members.ConvertAll(m => m.UserId);

    public void RequireMember(UserId actor)
    {
        if (!IsMember(actor)) throw DomainException.NotMember();
    }

    public void RequireAdmin(UserId actor, string message)
    {
        if (!IsAdmin(actor)) throw DomainException.NotAdmin(message);
    }

    /// <summary>Only admins invite, by handing out key packages or by escrow (CLARIFICATIONS R21, R31).</summary>
    public void RequireInviter(UserId actor) => RequireAdmin(actor, AdminOnly.Invite);

    /// <summary>
    /// The key-package step's check of one listed user, after their existence check (CLARIFICATIONS R21): the inviter
    /// is skipped (C35), a member is a conflict; no ban or pending-invite check (C25). Whether <paramref name="user"/>
    /// is handed a key package.
    /// </summary>
    public bool HandsKeyPackageTo(UserId inviter, UserId user)
    {
        if (user == inviter) return false;
        if (IsMember(user)) throw AlreadyMember();
        return true;
    }

    internal static DomainException AlreadyMember() => new(DomainError.Conflict, "user is already a member of this group");

    /// <summary>
    /// CLARIFICATIONS R16 in its order, but all or nothing (decision 12): every check passes before anything changes.
    /// Empty alias or name and visibility 0 mean "no change"; <paramref name="expiry"/> null means "leave it".
    /// </summary>
    public void UpdateSettings(UserId actor, string alias, string name, long? expiry, int visibility, long serverRetention)
    {
        RequireAdmin(actor, AdminOnly.UpdateSettings);
        if (expiry is { } requested)
        {
            if (requested < -1) throw new DomainException(DomainError.BadRequest, "message_expiry_seconds must be -1, 0, or positive");
            if (RetentionPolicy.ExceedsServerRetention(serverRetention, requested))
                throw new DomainException(DomainError.BadRequest, "group expiry cannot exceed server retention policy");
        }
        if (visibility is not (0 or (int)GroupVisibility.Private or (int)GroupVisibility.Public))
            throw new DomainException(DomainError.Validation, "visibility must be 'private' (1) or 'public' (2)");

        if (alias.Length > 0) Alias = alias;
        if (name.Length > 0) Name = name;
        if (expiry is { } value) MessageExpirySeconds = value;
        if (visibility != 0) Visibility = (GroupVisibility)visibility;
        Raise(new GroupSettingsUpdated(Id, actor, MemberIds()));
    }

    public void Promote(UserId actor, UserId target)
    {
        RequireAdmin(actor, AdminOnly.Promote);
        var member = _members.Find(m => m.UserId == target)
            ?? throw new DomainException(DomainError.BadRequest, "user is not a member of this group");
        if (member.Role == GroupRole.Admin) throw new DomainException(DomainError.Conflict, "user is already an admin");
        member.Role = GroupRole.Admin;
        Raise(new MemberRoleChanged(Id, actor, target, GroupRole.Admin, MemberIds()));
    }

    // "At least one admin" is enforced here only: the reference lets the last admin leave, be removed or banned (C34).
    public void Demote(UserId actor, UserId target)
    {
        RequireAdmin(actor, AdminOnly.Demote);
        var admin = _members.Find(m => m.UserId == target && m.Role == GroupRole.Admin)
            ?? throw new DomainException(DomainError.BadRequest, "user is not an admin");
        if (_members.Count(m => m.Role == GroupRole.Admin) <= 1)
            throw new DomainException(DomainError.BadRequest, "cannot demote the last admin");
        admin.Role = GroupRole.Member;
        Raise(new MemberRoleChanged(Id, actor, target, GroupRole.Member, MemberIds()));
    }

    public void Remove(UserId actor, UserId target)
    {
        RequireAdmin(actor, AdminOnly.Remove);
        if (!IsMember(target)) throw new DomainException(DomainError.BadRequest, "user is not a member of this group");
        Drop(target);
        Raise(new MemberRemoved(Id, actor, target, MemberIds()));
    }

    public void Leave(UserId member)
    {
        RequireMember(member);
        Drop(member);
        Raise(new MemberLeft(Id, member, MemberIds()));
    }

    /// <summary>Bans a member (removing them) or a non-member (pre-emptively, C27). Returns whether they were a member.</summary>
    public bool Ban(UserId actor, UserId target, long now)
    {
        RequireAdmin(actor, AdminOnly.Ban);
        if (IsBanned(target)) throw new DomainException(DomainError.Conflict, "user is already banned from this group");
        var wasMember = IsMember(target);
        if (wasMember)
        {
            Drop(target);
            Raise(new MemberRemoved(Id, actor, target, MemberIds()));
        }
        _bans.Add(new GroupBan(target, actor, now));
        Raise(new UserBanned(Id, actor, target, wasMember));
        return wasMember;
    }

    public void Unban(UserId actor, UserId target)
    {
        RequireAdmin(actor, AdminOnly.Unban);
        var ban = _bans.Find(b => b.UserId == target)
            ?? throw new DomainException(DomainError.BadRequest, "user is not banned from this group");
        _bans.Remove(ban);
        Raise(new UserUnbanned(Id, actor, target));
    }

    /// <summary>CLARIFICATIONS R18 after the existence check, in its order. The joiner is flagged for their external join.</summary>
    public void JoinPublic(UserId user, bool hasPendingInvite, bool hasGroupInfo, long now)
    {
        if (Visibility != GroupVisibility.Public) throw new DomainException(DomainError.NotPublic, "this group is not public");
        if (IsMember(user)) throw new DomainException(DomainError.Conflict, "already a member of this group");
        if (IsBanned(user)) throw new DomainException(DomainError.Banned, "you are banned from this group");
        if (hasPendingInvite) throw new DomainException(DomainError.Conflict, "you have a pending invite for this group");
        if (!hasGroupInfo) throw new DomainException(DomainError.BadRequest, "no group info available for this group");
        _members.Add(new GroupMember(user, GroupRole.Member, now));
        if (!_pendingExternalJoins.Exists(j => j.UserId == user)) _pendingExternalJoins.Add(new PendingExternalJoin(user));
        Raise(new MemberAdded(Id, user, MembershipSource.PublicJoin));
    }

    /// <summary>Adds an invitee on acceptance; re-checked inside the transaction (C31), leaving the invite pending on failure.</summary>
    public void AdmitInvitee(UserId invitee, long now)
    {
        if (IsMember(invitee)) throw AlreadyMember();
        if (IsBanned(invitee)) throw new DomainException(DomainError.Banned, "you are banned from this group");
        _members.Add(new GroupMember(invitee, GroupRole.Member, now));
        Raise(new MemberAdded(Id, invitee, MembershipSource.Invite));
    }

    /// <summary>Consumes the caller's pending-external-join flag, present or not (C30); returns whether it was there.</summary>
    public bool ConsumePendingExternalJoin(UserId member)
    {
        var flag = _pendingExternalJoins.Find(j => j.UserId == member);
        if (flag is null) return false;
        _pendingExternalJoins.Remove(flag);
        return true;
    }

    /// <summary>Set once by the first commit or external join that carries one; later values are ignored (C33).</summary>
    public void RecordMlsGroupId(string mlsGroupId)
    {
        if (MlsGroupId.Length == 0 && mlsGroupId.Length > 0) MlsGroupId = mlsGroupId;
    }

    /// <summary>R39: a member's commit becomes the group's next message, numbered by its log.</summary>
    public StoredMessage UploadCommit(UserId committer, MessageLog log, byte[] commit, long now)
    {
        RequireMember(committer);
        var message = log.Append(committer, commit, now);
        Raise(new CommitUploaded(Id, message.SequenceNum, committer, MemberIds()));
        return message;
    }

    /// <summary>R30: the joiner's commit becomes the group's next message, numbered by its log.</summary>
    public StoredMessage CompleteExternalJoin(UserId member, bool wasPendingJoin, MessageLog log, byte[] commit, long now)
    {
        RequireMember(member);
        var message = log.Append(member, commit, now);
        Raise(new ExternalJoinCompleted(Id, member, wasPendingJoin, message.SequenceNum, MemberIds()));
        return message;
    }

    public void Delete(UserId actor)
    {
        RequireAdmin(actor, AdminOnly.DeleteGroup);
        Raise(new GroupDeleted(Id, actor, MemberIds()));
    }

    private void Drop(UserId user) => _members.RemoveAll(m => m.UserId == user);
}
