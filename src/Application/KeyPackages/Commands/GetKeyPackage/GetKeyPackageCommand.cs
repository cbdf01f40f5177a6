using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.KeyPackages.Commands.GetKeyPackage;

/// <summary>
/// GET /key-packages/{user_id} (CLARIFICATIONS R12): hands out one of <paramref name="Target"/>'s packages.
/// A command, not a query: it deletes what it hands out, inside the transaction. Anyone may ask for anyone.
/// </summary>
public sealed record GetKeyPackageCommand(UserId Target) : IRequest<byte[]>;
