using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;

namespace Conclave.Application.Administration.Commands.CreateInvitation;

/// <summary>A new invitation with its token: the only time the token is known, as only its hash is stored.</summary>
public sealed record NewInvitationDto(InvitationId Id, string Token, long ExpiresAt)
{
    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
