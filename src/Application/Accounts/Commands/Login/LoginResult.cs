using System.Text;
using Conclave.Domain.Common;

namespace Conclave.Application.Accounts.Commands.Login;

public sealed record LoginResult(string Token, UserId UserId, string Username)
{
    // Printed without its secret (docs/security.md, Secrets): a record prints every property otherwise.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Token = ***, UserId = {UserId}, Username = {Username}");
        return true;
    }
}
