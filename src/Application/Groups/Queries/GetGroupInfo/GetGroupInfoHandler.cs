using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using MediatR;

namespace Conclave.Application.Groups.Queries.GetGroupInfo;

public sealed class GetGroupInfoHandler(IGroupInfoRepository groupInfos) : IRequestHandler<GetGroupInfoQuery, byte[]>
{
    public async Task<byte[]> Handle(GetGroupInfoQuery query, CancellationToken cancellationToken) =>
        await groupInfos.GetAsync(query.GroupId, cancellationToken)
            ?? throw new DomainException(DomainError.NotFound, "no group info available");
}
