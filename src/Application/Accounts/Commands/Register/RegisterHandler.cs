using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Register;

public sealed class RegisterHandler(IUserRepository users, RegistrationGate gate, IPasswordHasher hasher, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<RegisterCommand, UserId>
{
    public async Task<UserId> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var passwordHash = await hasher.HashAsync(command.Password, cancellationToken); // always, before the uniqueness test (R1); outside the write lock
        await unitOfWork.BeginAsync(cancellationToken);
        await gate.AdmitAsync(command.RegistrationToken, cancellationToken); // an invitation's use is spent in this transaction
        if (await users.UsernameTakenAsync(command.Username, cancellationToken))
            throw new DomainException(DomainError.Conflict, $"username '{command.Username}' already exists");
        var user = User.Register(command.Username, passwordHash, command.Alias, clock.GetUtcNow().ToUnixTimeSeconds());
        users.Add(user);
        return user.Id;
    }
}
