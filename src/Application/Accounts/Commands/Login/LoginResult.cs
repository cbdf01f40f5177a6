using Conclave.Domain.Common;

namespace Conclave.Application.Accounts.Commands.Login;

public sealed record LoginResult(string Token, UserId UserId, string Username);
