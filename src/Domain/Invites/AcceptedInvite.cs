using Conclave.Domain.Welcomes;

namespace Conclave.Domain.Invites;

/// <summary>What an accepted invite leaves behind besides its commit (appended to the group's log): the Welcome to deliver, the GroupInfo to publish.</summary>
public sealed record AcceptedInvite(Welcome Welcome, byte[] GroupInfo);
