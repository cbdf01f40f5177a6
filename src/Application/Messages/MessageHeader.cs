using Conclave.Domain.Common;

namespace Conclave.Application.Messages;

/// <summary>A stored message without its content: <paramref name="Length"/> is the content's size in bytes.</summary>
public sealed record MessageHeader(long SequenceNum, UserId SenderId, long CreatedAt, int Length);
