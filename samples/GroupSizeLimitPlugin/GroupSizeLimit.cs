using Conclave.Plugins.Abstractions.Policies;
using MediatR;

namespace GroupSizeLimitPlugin;

/// <summary>
/// Refuses to give a group more than max_members members. Every pending invite holds a seat, so accepting an
/// invite can never go past the limit.
/// </summary>
public sealed class GroupSizeLimit<TRequest, TResponse>(IGroupDirectory groups) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IAddsGroupMember adding) return await next();
        var group = await groups.FindAsync(adding.GroupId, cancellationToken);
        // Only a request the server would otherwise carry out is refused: anyone else gets the server's own answer
        // (not an admin, not a public group, no such group) and learns nothing about the group's size.
        if (group is null || !MayAdd(group, adding)) return await next();
        var limit = LimitSettings.Current.MaxMembers;
        if (group.MemberCount + group.PendingInviteCount < limit) return await next();
        throw new PolicyRejectedException(PolicyRejection.Forbidden, $"group is full: at most {limit} members, pending invites included");
    }

    private static bool MayAdd(GroupFacts group, IAddsGroupMember adding) =>
        adding.ActorId == adding.NewMemberId ? group.IsPublic : group.AdminIds.Contains(adding.ActorId);
}
