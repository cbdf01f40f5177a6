using Conclave.Domain.Common;

namespace Conclave.Application.Messages;

/// <summary>A send as its handler decided it: who sends what to which group, received when, under which server retention.</summary>
public sealed record MessageSend(GroupId GroupId, UserId Sender, byte[] Data, long ReceivedAt, long ServerRetention);
