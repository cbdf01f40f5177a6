using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events.Realtime;

/// <summary>Sent to the inviter when the invitee declined or an admin cancelled the invite.</summary>
public sealed record InviteDeclinedEvent(GroupId GroupId, UserId DeclinedUser) : RealtimeEvent;
