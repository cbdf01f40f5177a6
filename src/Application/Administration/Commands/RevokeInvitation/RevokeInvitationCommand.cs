using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Administration.Commands.RevokeInvitation;

/// <summary>The operator ends an invitation (admin CLI); registrations with its token are refused from then on.</summary>
public sealed record RevokeInvitationCommand(InvitationId Id) : IRequest<Unit>;
