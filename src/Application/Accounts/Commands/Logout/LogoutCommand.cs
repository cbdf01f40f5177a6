using MediatR;

namespace Conclave.Application.Accounts.Commands.Logout;

/// <summary>Ends the session that presented the token; the user's other sessions stay.</summary>
public sealed record LogoutCommand(string TokenHash) : IRequest<Unit>;
