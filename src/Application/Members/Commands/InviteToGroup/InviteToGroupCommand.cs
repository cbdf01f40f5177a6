using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Members.Commands.InviteToGroup;

/// <summary>
/// The key-package step of an invitation: one package per listed user, in request order (CLARIFICATIONS R21).
/// Ids stay bytes here; they are checked after the admin check, one by one.
/// </summary>
public sealed record InviteToGroupCommand(GroupId GroupId, UserId Actor, IReadOnlyList<byte[]> UserIds)
    : IRequest<IReadOnlyList<MemberKeyPackageDto>>;
