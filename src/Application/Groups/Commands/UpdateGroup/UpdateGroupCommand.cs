using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.Commands.UpdateGroup;

/// <summary>
/// Empty <paramref name="Alias"/> or <paramref name="GroupName"/> and <paramref name="Visibility"/> 0 mean "no change";
/// <paramref name="MessageExpirySeconds"/> is null unless the request set update_message_expiry.
/// </summary>
public sealed record UpdateGroupCommand(GroupId GroupId, UserId Actor, string Alias, string GroupName, long? MessageExpirySeconds, int Visibility)
    : IRequest<Unit>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Admin;
    public string NotAdminMessage => AdminOnly.UpdateSettings;
}
