using Conclave.Domain.Common;

namespace Conclave.Domain.Messages;

public interface IMessageRepository
{
    /// <summary>Stores a message; its sequence number comes from <see cref="Groups.Group.NextSequence"/> in the same transaction.</summary>
    void Add(StoredMessage message);
}
