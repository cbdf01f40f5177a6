using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using Conclave.Domain.Welcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conclave.Infrastructure.Persistence.Configurations;

internal sealed class WelcomeConfiguration : IEntityTypeConfiguration<Welcome>
{
    public void Configure(EntityTypeBuilder<Welcome> welcome)
    {
        welcome.ToTable("pending_welcomes");
        welcome.HasKey(w => w.Id);
        welcome.Property(w => w.Id).HasColumnName("id");
        welcome.Property(w => w.UserId).HasColumnName("user_id");
        welcome.Property(w => w.GroupId).HasColumnName("group_id");
        welcome.Property(w => w.GroupAlias).HasColumnName("group_alias");
        welcome.Property(w => w.Message).HasColumnName("welcome_message");
        welcome.Property(w => w.CreatedAt).HasColumnName("created_at");
        welcome.HasIndex(w => w.UserId);
        welcome.HasOne<User>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        welcome.HasOne<Group>().WithMany().HasForeignKey(w => w.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
