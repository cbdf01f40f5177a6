using Conclave.Application.Common.Persistence;
using MediatR;

namespace Conclave.Application.Accounts.Commands.Login;

public sealed record LoginCommand(string Username, string Password) : IRequest<LoginResult>, ITransactionDeferred;
