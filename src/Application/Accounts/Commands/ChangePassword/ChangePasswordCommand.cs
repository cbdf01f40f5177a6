using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Accounts.Commands.ChangePassword;

// No validator: the current password is verified before the new one is looked at (CLARIFICATIONS R6).
public sealed record ChangePasswordCommand(UserId Actor, string CurrentPassword, string NewPassword)
    : IRequest<Unit>, ITransactionDeferred
{
    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
