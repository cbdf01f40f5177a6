using Conclave.Application.Common.Persistence;

namespace Conclave.Application.Users.Queries.GetUserByUsername;

/// <summary>Exact, case-sensitive lookup (CLARIFICATIONS C21).</summary>
public sealed record GetUserByUsernameQuery(string Username) : IQuery<UserInfoDto>;
