using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Accounts.Commands.DeleteAccount;

public sealed record DeleteAccountCommand(UserId Actor, string Password) : IRequest<Unit>, ITransactionDeferred
{
    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
