using Conclave.Domain.Common;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.Commands.UpdateProfile;

public sealed class UpdateProfileHandler(IUserRepository users) : IRequestHandler<UpdateProfileCommand, Unit>
{
    public async Task<Unit> Handle(UpdateProfileCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(command.Actor, cancellationToken) ?? throw DomainException.UserNotFound();
        user.ChangeAlias(command.Alias);
        return Unit.Value;
    }
}
