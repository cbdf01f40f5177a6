using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Groups;

public sealed record GroupMemberDto(UserId UserId, string Username, string Alias, GroupRole Role, string SigningKeyFingerprint);
