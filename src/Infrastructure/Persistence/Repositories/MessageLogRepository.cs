using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Conclave.Infrastructure.Persistence.Configurations;

namespace Conclave.Infrastructure.Persistence.Repositories;

// The counter is the groups row's last_sequence, which EF loads with the group (a shadow property: the Group aggregate
// does not hold it) and saves with the command's other changes.
internal sealed class MessageLogRepository(ConclaveDbContext db) : IMessageLogRepository
{
    public MessageLog Of(Group group) =>
        new(group.Id, db.Entry(group).Property<long>(GroupConfiguration.LastSequence).CurrentValue, group.MessageExpirySeconds, group.MemberIds());

    public void Save(MessageLog log)
    {
        var group = db.Groups.Local.FindEntry(log.GroupId)
            ?? throw new InvalidOperationException("A message log is saved with the group it was loaded from.");
        db.Messages.AddRange(log.Appended);
        log.ClearAppended();
        group.Property<long>(GroupConfiguration.LastSequence).CurrentValue = log.LastSequence;
    }
}
