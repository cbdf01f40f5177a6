using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conclave.Infrastructure.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<StoredMessage>
{
    public void Configure(EntityTypeBuilder<StoredMessage> message)
    {
        message.ToTable("messages");
        message.HasKey(m => new { m.GroupId, m.SequenceNum });
        message.Property(m => m.GroupId).HasColumnName("group_id");
        message.Property(m => m.SequenceNum).HasColumnName("sequence_num");
        // No foreign key to users: a deleted account's messages are deleted explicitly (spec api/accounts.md).
        message.Property(m => m.SenderId).HasColumnName("sender_id");
        message.Property(m => m.Data).HasColumnName("mls_message");
        message.Property(m => m.CreatedAt).HasColumnName("created_at");
        message.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        message.HasIndex(m => m.SenderId);
        message.HasIndex(m => m.CreatedAt);
    }
}
