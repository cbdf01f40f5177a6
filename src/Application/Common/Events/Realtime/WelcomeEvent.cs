using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events.Realtime;

public sealed record WelcomeEvent(GroupId GroupId, string GroupAlias) : RealtimeEvent;
