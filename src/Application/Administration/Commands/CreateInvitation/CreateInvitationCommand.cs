using MediatR;

namespace Conclave.Application.Administration.Commands.CreateInvitation;

/// <summary>The operator invites <paramref name="Uses"/> registrations for <paramref name="LifetimeSeconds"/> (admin CLI).</summary>
public sealed record CreateInvitationCommand(int Uses, long LifetimeSeconds, string Note) : IRequest<NewInvitationDto>;
