using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.Commands.DeleteGroup;

public sealed record DeleteGroupCommand(GroupId GroupId, UserId Actor) : IRequest<Unit>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Admin;
    public string NotAdminMessage => AdminOnly.DeleteGroup;
}
