using Conclave.Api.Abuse;
using Conclave.Api.Auth;
using Conclave.Application.Accounts.Commands.ChangePassword;
using Conclave.Application.Accounts.Commands.DeleteAccount;
using Conclave.Application.Accounts.Commands.Login;
using Conclave.Application.Accounts.Commands.Logout;
using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Accounts.Commands.ResetAccount;
using Conclave.Application.Accounts.Commands.UpdateProfile;
using Conclave.Application.Accounts.Queries.GetMe;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MediatR;

namespace Conclave.Api.Grpc;

public sealed class AccountsService(
    IMediator mediator, Caller caller, ClientAddress client, RegistrationLimit registrations, LoginFailureLimit loginFailures)
    : Accounts.AccountsBase
{
    public override async Task<RegisterResponse> Register(RegisterRequest request, ServerCallContext context)
    {
        registrations.Admit(client.Value);
        var command = new RegisterCommand(request.Username, request.Password, request.Alias, request.RegistrationToken);
        var userId = await mediator.Send(command, context.CancellationToken);
        return new RegisterResponse { UserId = userId.ToByteString() };
    }

    public override async Task<LoginResponse> Login(LoginRequest request, ServerCallContext context)
    {
        var attempt = loginFailures.Begin(client.Value);
        var result = await mediator.Send(new LoginCommand(request.Username, request.Password), context.CancellationToken);
        attempt.Succeeded();
        return new LoginResponse { Token = result.Token, UserId = result.UserId.ToByteString(), Username = result.Username };
    }

    public override async Task<Empty> Logout(Empty request, ServerCallContext context)
    {
        await mediator.Send(new LogoutCommand(caller.Session.TokenHash), context.CancellationToken);
        return new Empty();
    }

    public override async Task<UserInfoResponse> GetMe(Empty request, ServerCallContext context) =>
        (await mediator.Send(new GetMeQuery(caller.UserId), context.CancellationToken)).ToMessage();

    public override async Task<UpdateProfileResponse> UpdateProfile(UpdateProfileRequest request, ServerCallContext context)
    {
        await mediator.Send(new UpdateProfileCommand(caller.UserId, request.Alias), context.CancellationToken);
        return new UpdateProfileResponse();
    }

    public override async Task<ChangePasswordResponse> ChangePassword(ChangePasswordRequest request, ServerCallContext context)
    {
        await mediator.Send(new ChangePasswordCommand(caller.UserId, request.CurrentPassword, request.NewPassword), context.CancellationToken);
        return new ChangePasswordResponse();
    }

    public override async Task<ResetAccountResponse> ResetAccount(Empty request, ServerCallContext context)
    {
        await mediator.Send(new ResetAccountCommand(caller.UserId), context.CancellationToken);
        return new ResetAccountResponse();
    }

    public override async Task<DeleteAccountResponse> DeleteAccount(DeleteAccountRequest request, ServerCallContext context)
    {
        await mediator.Send(new DeleteAccountCommand(caller.UserId, request.Password), context.CancellationToken);
        return new DeleteAccountResponse();
    }
}
