using System.Text;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Accounts.Commands.DeleteAccount;

public sealed record DeleteAccountCommand(UserId Actor, string Password) : IRequest<Unit>, ITransactionDeferred
{
    // Printed without its secret (docs/security.md, Secrets): a record prints every property otherwise.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Actor = {Actor}, Password = ***");
        return true;
    }
}
