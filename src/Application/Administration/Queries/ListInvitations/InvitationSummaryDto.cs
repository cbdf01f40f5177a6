using Conclave.Domain.Common;
using Conclave.Domain.Registration;

namespace Conclave.Application.Administration.Queries.ListInvitations;

/// <summary>An invitation as the operator lists it: never its token, which is not kept.</summary>
public sealed record InvitationSummaryDto(InvitationId Id, string Note, InvitationState State, int UsesLeft, int TimesUsed, long ExpiresAt, long CreatedAt);
