using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events.Realtime;

public sealed record NewMessageEvent(GroupId GroupId, long SequenceNum, UserId Sender) : RealtimeEvent;
