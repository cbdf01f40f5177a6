using System.Text;
using Conclave.Application.Common.Persistence;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Login;

public sealed record LoginCommand(string Username, string Password) : IRequest<LoginResult>, ITransactionDeferred
{
    // Printed without its secret (docs/security.md, Secrets): a record prints every property otherwise.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Username = {Username}, Password = ***");
        return true;
    }
}
