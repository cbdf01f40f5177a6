using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events.Realtime;

public sealed record InviteReceivedEvent(InviteId InviteId, GroupId GroupId, string GroupName, string GroupAlias, UserId Inviter) : RealtimeEvent;
