using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events.Realtime;

public sealed record GroupDeletedEvent(GroupId GroupId) : RealtimeEvent;
