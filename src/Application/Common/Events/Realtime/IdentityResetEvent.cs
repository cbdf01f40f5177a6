using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events.Realtime;

public sealed record IdentityResetEvent(GroupId GroupId, UserId User) : RealtimeEvent;
