using MediatR;

namespace Conclave.Application.Administration.Commands.SignOutUser;

/// <summary>The operator ends every session of a user (admin CLI): a lost device, without a new password. Answers how many ended.</summary>
public sealed record SignOutUserCommand(string Username) : IRequest<int>;
