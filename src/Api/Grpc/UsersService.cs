using Conclave.Application.Users.Queries.GetUserById;
using Conclave.Application.Users.Queries.GetUserByUsername;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Core;
using MediatR;

namespace Conclave.Api.Grpc;

public sealed class UsersService(IMediator mediator) : Users.UsersBase
{
    public override async Task<UserInfoResponse> GetUserByUsername(GetUserByUsernameRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetUserByUsernameQuery(request.Username), context.CancellationToken)).ToMessage();

    public override async Task<UserInfoResponse> GetUserById(GetUserByIdRequest request, ServerCallContext context)
    {
        var userId = WireIds.UserFromPath(request.UserId);
        return (await mediator.Send(new GetUserByIdQuery(userId), context.CancellationToken)).ToMessage();
    }
}
