using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.Commands.ResetAccount;

public sealed class ResetAccountHandler(IUserRepository users, IKeyPackageRepository keyPackages) : IRequestHandler<ResetAccountCommand, Unit>
{
    public async Task<Unit> Handle(ResetAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(command.Actor, cancellationToken) ?? throw DomainException.UserNotFound();
        await keyPackages.RemoveAllAsync(user.Id, cancellationToken);
        user.Reset();
        return Unit.Value;
    }
}
