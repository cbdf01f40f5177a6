using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Welcomes.Commands.AcceptWelcome;

/// <summary>The client has processed the Welcome: it is deleted. Someone else's Welcome is "not found" (R38).</summary>
public sealed record AcceptWelcomeCommand(WelcomeId WelcomeId, UserId Actor) : IRequest<Unit>;
