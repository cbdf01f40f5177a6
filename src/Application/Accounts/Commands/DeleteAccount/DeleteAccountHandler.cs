using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.Commands.DeleteAccount;

public sealed class DeleteAccountHandler(
    IUserRepository users, IMembershipQueries memberships, IPasswordHasher hasher, IUnitOfWork unitOfWork)
    : IRequestHandler<DeleteAccountCommand, Unit>
{
    public async Task<Unit> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(command.Actor, cancellationToken) ?? throw DomainException.UserNotFound();
        if (!hasher.Verify(user.PasswordHash, command.Password))
            throw new DomainException(DomainError.InvalidCredentials, "invalid password");

        await unitOfWork.BeginAsync(cancellationToken);
        var groups = await memberships.GroupsOfAsync(user.Id, cancellationToken);
        var remaining = groups
            .Select(g => new GroupMembers(g.GroupId, g.Members.Where(m => m != user.Id).ToList()))
            .Where(g => g.Members.Count > 0)
            .ToList();
        user.Delete(remaining);
        await users.DeleteAsync(user, cancellationToken);
        return Unit.Value;
    }
}
