using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Common.Behaviours;

// spec appendices/error-codes.md: an unknown group answers like "not a member" (401), so existence cannot be probed.
public sealed class GroupAccessBehaviour<TRequest, TResponse>(IGroupAccess access) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        request is IGroupScoped scoped ? CheckedAsync(scoped, next, cancellationToken) : next();

    private async Task<TResponse> CheckedAsync(IGroupScoped scoped, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var role = await access.RoleOfAsync(scoped.GroupId, scoped.Actor, cancellationToken);
        if (scoped.RequiredRole == GroupRole.Admin && role != GroupRole.Admin) throw DomainException.NotAdmin(scoped.NotAdminMessage);
        if (role is null) throw DomainException.NotMember();
        return await next();
    }
}
