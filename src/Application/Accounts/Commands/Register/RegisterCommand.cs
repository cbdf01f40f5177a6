using System.Text;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;
using Conclave.Plugins.Abstractions.Policies;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Register;

public sealed record RegisterCommand(string Username, string Password, string Alias, string RegistrationToken)
    : IRequest<UserId>, ITransactionDeferred, IRegistersUser
{
    // Printed without its secrets (docs/security.md, Secrets): a record prints every property otherwise.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Username = {Username}, Password = ***, Alias = {Alias}, RegistrationToken = ***");
        return true;
    }
}
