using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Groups.Queries.GetRetentionPolicy;

public sealed class GetRetentionPolicyHandler(IGroupQueries groups, ServerSettings settings)
    : IRequestHandler<GetRetentionPolicyQuery, RetentionPolicyDto>
{
    public async Task<RetentionPolicyDto> Handle(GetRetentionPolicyQuery query, CancellationToken cancellationToken)
    {
        var expiry = await groups.MessageExpiryAsync(query.GroupId, cancellationToken) ?? throw DomainException.NotMember();
        return new RetentionPolicyDto(settings.MessageRetentionSeconds, expiry);
    }
}
