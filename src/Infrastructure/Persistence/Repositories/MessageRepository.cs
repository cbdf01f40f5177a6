using Conclave.Domain.Messages;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class MessageRepository(ConclaveDbContext db) : IMessageRepository
{
    public void Add(StoredMessage message) => db.Messages.Add(message);
}
