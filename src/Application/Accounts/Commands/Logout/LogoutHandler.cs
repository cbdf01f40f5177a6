using Conclave.Domain.Sessions;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Logout;

public sealed class LogoutHandler(ISessionRepository sessions) : IRequestHandler<LogoutCommand, Unit>
{
    public async Task<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        // Gone already when a parallel logout won: the outcome is the same.
        if (await sessions.FindAsync(command.TokenHash, cancellationToken) is { } session)
        {
            session.End();
            sessions.Remove(session);
        }
        return Unit.Value;
    }
}
