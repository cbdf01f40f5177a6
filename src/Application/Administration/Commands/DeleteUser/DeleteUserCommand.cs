using Conclave.Application.Common.Persistence;
using MediatR;

namespace Conclave.Application.Administration.Commands.DeleteUser;

/// <summary>The operator deletes an account (admin CLI): delete-account without the password.</summary>
public sealed record DeleteUserCommand(string Username) : IRequest<Unit>, ITransactionDeferred;
