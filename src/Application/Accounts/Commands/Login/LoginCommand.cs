using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Persistence;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Login;

public sealed record LoginCommand(string Username, string Password) : IRequest<LoginResult>, ITransactionDeferred
{
    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
