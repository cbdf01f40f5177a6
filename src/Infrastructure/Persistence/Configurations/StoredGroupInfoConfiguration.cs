using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conclave.Infrastructure.Persistence.Configurations;

internal sealed class StoredGroupInfoConfiguration : IEntityTypeConfiguration<StoredGroupInfo>
{
    public void Configure(EntityTypeBuilder<StoredGroupInfo> info)
    {
        info.ToTable("group_infos");
        info.HasKey(i => i.GroupId);
        info.Property(i => i.GroupId).HasColumnName("group_id");
        info.Property(i => i.Data).HasColumnName("group_info");
        info.HasOne<Group>().WithOne().HasForeignKey<StoredGroupInfo>(i => i.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
