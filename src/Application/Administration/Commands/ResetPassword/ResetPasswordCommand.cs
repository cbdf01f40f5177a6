using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Persistence;
using MediatR;

namespace Conclave.Application.Administration.Commands.ResetPassword;

/// <summary>The operator sets a user's password (admin CLI): change-password without the current one.</summary>
public sealed record ResetPasswordCommand(string Username, string NewPassword) : IRequest<Unit>, ITransactionDeferred
{
    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
