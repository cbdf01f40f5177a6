using Conclave.Domain.Messages;
using Conclave.Domain.Welcomes;

namespace Conclave.Domain.Invites;

/// <summary>What an accepted invite leaves behind: the commit to store, the Welcome to deliver, the GroupInfo to publish.</summary>
public sealed record AcceptedInvite(StoredMessage Commit, Welcome Welcome, byte[] GroupInfo);
