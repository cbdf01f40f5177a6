using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;
using Conclave.Plugins.Abstractions.Policies;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Register;

public sealed record RegisterCommand(string Username, string Password, string Alias, string RegistrationToken)
    : IRequest<UserId>, ITransactionDeferred, IRegistersUser
{
    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
