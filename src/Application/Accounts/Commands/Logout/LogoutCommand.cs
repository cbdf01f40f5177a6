using System.Text;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Logout;

/// <summary>Ends the session that presented the token; the user's other sessions stay.</summary>
public sealed record LogoutCommand(string TokenHash) : IRequest<Unit>
{
    // Printed without its secret (docs/security.md, Secrets): a record prints every property otherwise.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TokenHash = ***");
        return true;
    }
}
