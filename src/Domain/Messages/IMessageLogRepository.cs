using Conclave.Domain.Groups;

namespace Conclave.Domain.Messages;

/// <summary>A group's <see cref="MessageLog"/> in a command's transaction (the message send has its own writer).</summary>
public interface IMessageLogRepository
{
    /// <summary>The log of <paramref name="group"/>, loaded by this command; its counter as of this transaction.</summary>
    MessageLog Of(Group group);

    /// <summary>Stores the messages <paramref name="log"/> appended and its counter, with the command's commit.</summary>
    void Save(MessageLog log);
}
