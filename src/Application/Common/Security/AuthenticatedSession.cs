using System.Text;
using Conclave.Domain.Common;

namespace Conclave.Application.Common.Security;

public sealed record AuthenticatedSession(UserId UserId, string TokenHash, long ExpiresAt)
{
    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
