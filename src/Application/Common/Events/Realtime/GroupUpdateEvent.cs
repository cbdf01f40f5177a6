using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events.Realtime;

public sealed record GroupUpdateEvent(GroupId GroupId, GroupUpdateKind Kind) : RealtimeEvent;
