using Conclave.Domain.Common;

namespace Conclave.Application.Messages;

public sealed record MessageDto(long SequenceNum, UserId SenderId, byte[] Data, long CreatedAt);
