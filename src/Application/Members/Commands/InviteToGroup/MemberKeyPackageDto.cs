using Conclave.Domain.Common;

namespace Conclave.Application.Members.Commands.InviteToGroup;

public sealed record MemberKeyPackageDto(UserId UserId, byte[] KeyPackageData);
