using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events.Realtime;

public sealed record MemberRemovedEvent(GroupId GroupId, UserId RemovedUser) : RealtimeEvent;
