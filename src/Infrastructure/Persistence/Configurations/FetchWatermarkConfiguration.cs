using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conclave.Infrastructure.Persistence.Configurations;

internal sealed class FetchWatermarkConfiguration : IEntityTypeConfiguration<FetchWatermark>
{
    public void Configure(EntityTypeBuilder<FetchWatermark> watermark)
    {
        watermark.ToTable("message_fetch_watermarks");
        watermark.HasKey(w => new { w.GroupId, w.UserId });
        watermark.Property(w => w.GroupId).HasColumnName("group_id");
        watermark.Property(w => w.UserId).HasColumnName("user_id");
        watermark.Property(w => w.SequenceNum).HasColumnName("last_fetched_seq");
        watermark.HasOne<Group>().WithMany().HasForeignKey(w => w.GroupId).OnDelete(DeleteBehavior.Cascade);
        watermark.HasOne<User>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
