using Conclave.Domain.Common;
using Conclave.Domain.Welcomes;
using MediatR;

namespace Conclave.Application.Welcomes.Commands.AcceptWelcome;

public sealed class AcceptWelcomeHandler(IWelcomeRepository welcomes) : IRequestHandler<AcceptWelcomeCommand, Unit>
{
    public async Task<Unit> Handle(AcceptWelcomeCommand command, CancellationToken cancellationToken)
    {
        var welcome = await welcomes.GetAsync(command.WelcomeId, cancellationToken);
        if (welcome is null || welcome.UserId != command.Actor) throw new DomainException(DomainError.NotFound, "welcome not found");
        welcomes.Remove(welcome);
        return Unit.Value;
    }
}
