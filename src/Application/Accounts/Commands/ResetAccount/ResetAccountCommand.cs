using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Accounts.Commands.ResetAccount;

/// <summary>Deletes the caller's key packages (regular and last-resort) and nothing else (CLARIFICATIONS R7).</summary>
public sealed record ResetAccountCommand(UserId Actor) : IRequest<Unit>;
