namespace Conclave.Infrastructure.Persistence.Writes;

/// <summary>
/// The storage engine's half of every write: how a writer is admitted and let go, and when its commit is durable.
/// SQLite queues writers in process and syncs the log once for a batch of commits (Sqlite/Durability/WriteGate); an
/// engine whose commit is durable when it returns enters and leaves at once.
/// </summary>
internal interface IWriteAdmission
{
    /// <summary>Waits for this writer's turn; until <see cref="Leave"/>, no other writer of this process runs.</summary>
    Task EnterAsync(CancellationToken cancellationToken);

    /// <summary>Once the writer has committed or rolled back: applies <paramref name="written"/>'s rules and admits the next.</summary>
    void Leave(WriteKind written);

    /// <summary>Completes once every write committed before the call is durable.</summary>
    Task DurableAsync();
}
