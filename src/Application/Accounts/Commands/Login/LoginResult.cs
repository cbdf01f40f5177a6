using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;

namespace Conclave.Application.Accounts.Commands.Login;

public sealed record LoginResult(string Token, UserId UserId, string Username)
{
    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
