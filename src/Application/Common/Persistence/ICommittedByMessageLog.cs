namespace Conclave.Application.Common.Persistence;

/// <summary>
/// A command whose only write is a message append (<see cref="Messages.IMessageLog"/>): it runs in no unit of work,
/// because the log commits it in one transaction with other sends; its handler publishes what the log committed.
/// </summary>
public interface ICommittedByMessageLog;
