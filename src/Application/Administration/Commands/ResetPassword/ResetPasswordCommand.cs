using System.Text;
using Conclave.Application.Common.Persistence;
using MediatR;

namespace Conclave.Application.Administration.Commands.ResetPassword;

/// <summary>The operator sets a user's password (admin CLI): change-password without the current one.</summary>
public sealed record ResetPasswordCommand(string Username, string NewPassword) : IRequest<Unit>, ITransactionDeferred
{
    // Printed without its secret (docs/security.md, Secrets): a record prints every property otherwise.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Username = {Username}, NewPassword = ***");
        return true;
    }
}
