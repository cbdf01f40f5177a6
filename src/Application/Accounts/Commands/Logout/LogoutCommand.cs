using System.Text;
using Conclave.Application.Common.Security;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Logout;

/// <summary>Ends the session that presented the token; the user's other sessions stay.</summary>
public sealed record LogoutCommand(string TokenHash) : IRequest<Unit>
{
    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
