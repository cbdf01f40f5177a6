using Conclave.Application.Common.Persistence;

namespace Conclave.Application.Messages;

/// <summary>A durable send: its sequence number, and its commit's events to publish in its turn.</summary>
public sealed record AppendedMessage(long Sequence, Committed Commit);
