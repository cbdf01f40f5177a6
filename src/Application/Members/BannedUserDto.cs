using Conclave.Domain.Common;

namespace Conclave.Application.Members;

public sealed record BannedUserDto(UserId UserId, string Username, string Alias, long BannedAt, UserId BannedBy);
