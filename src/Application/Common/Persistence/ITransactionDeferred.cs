namespace Conclave.Application.Common.Persistence;

/// <summary>
/// A command whose handler decides how its write is committed: it begins the transaction itself after its slow work
/// (Argon2id), so that the database write lock is never held across password hashing, or it hands its write to a
/// writer that commits it with others (<see cref="Messages.IMessageLog"/>).
/// </summary>
public interface ITransactionDeferred;
