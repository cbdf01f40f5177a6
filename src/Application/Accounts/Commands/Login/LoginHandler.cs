using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Login;

public sealed class LoginHandler(
    IUserRepository users, ISessionRepository sessions, IPasswordHasher hasher, ISessionTokens tokens,
    IUnitOfWork unitOfWork, TimeProvider clock, ServerSettings settings) : IRequestHandler<LoginCommand, LoginResult>
{
    public async Task<LoginResult> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetByUsernameAsync(command.Username, cancellationToken);
        if (user is null)
        {
            await hasher.VerifyDummyAsync(cancellationToken); // an unknown name costs what a wrong password costs (spec api/accounts.md)
            throw InvalidCredentials();
        }
        if (!await hasher.VerifyAsync(user.PasswordHash, command.Password, cancellationToken)) throw InvalidCredentials();

        var token = tokens.NewToken();
        await unitOfWork.BeginAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        sessions.Add(Session.Start(tokens.Hash(token), user.Id, now, settings.TokenTtlSeconds));
        return new LoginResult(token, user.Id, user.Username);
    }

    private static DomainException InvalidCredentials() => new(DomainError.InvalidCredentials, "invalid username or password");
}
