namespace Conclave.Application.Common.Persistence;

/// <summary>
/// A command whose handler begins the transaction itself after its slow work (Argon2id), so that the database write
/// lock is never held across password hashing.
/// </summary>
public interface ITransactionDeferred;
