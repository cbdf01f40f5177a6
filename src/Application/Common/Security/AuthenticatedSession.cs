using System.Text;
using Conclave.Domain.Common;

namespace Conclave.Application.Common.Security;

public sealed record AuthenticatedSession(UserId UserId, string TokenHash, long ExpiresAt)
{
    // Printed without its secret (docs/security.md, Secrets): a record prints every property otherwise.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"UserId = {UserId}, TokenHash = ***, ExpiresAt = {ExpiresAt}");
        return true;
    }
}
