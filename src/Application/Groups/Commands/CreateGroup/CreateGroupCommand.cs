using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Groups.Commands.CreateGroup;

public sealed record CreateGroupCommand(UserId Actor, string GroupName, string Alias) : IRequest<GroupId>;
