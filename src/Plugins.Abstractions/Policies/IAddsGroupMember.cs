namespace Conclave.Plugins.Abstractions.Policies;

/// <summary>
/// A request that gives a group a new member or reserves a seat for one: an admin escrowing an invite (the invitee
/// joins on accepting it) and a user joining a public group. Accepting an escrowed invite is not one: its seat was
/// taken when it was escrowed.
/// </summary>
public interface IAddsGroupMember
{
    /// <summary>The group.</summary>
    Guid GroupId { get; }

    /// <summary>Who asks: the inviting admin, or the joining user.</summary>
    Guid ActorId { get; }

    /// <summary>Who would become a member: the invitee, or the joining user.</summary>
    Guid NewMemberId { get; }
}
