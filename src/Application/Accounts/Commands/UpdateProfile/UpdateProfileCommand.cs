using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Accounts.Commands.UpdateProfile;

/// <summary>Sets the caller's alias; an empty alias clears it (CLARIFICATIONS C20).</summary>
public sealed record UpdateProfileCommand(UserId Actor, string Alias) : IRequest<Unit>;
