using Conclave.Domain.Common;

namespace Conclave.Application.Users;

public sealed record UserInfoDto(UserId UserId, string Username, string Alias, string SigningKeyFingerprint);
