using Conclave.Domain.Common;

namespace Conclave.Domain.Sessions;

/// <summary>The session was ended by its own logout (password change and account deletion end all of them at once).</summary>
public sealed record SessionEnded(UserId UserId, string TokenHash) : IDomainEvent;
