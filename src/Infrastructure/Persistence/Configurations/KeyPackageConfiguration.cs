using Conclave.Domain.KeyPackages;
using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conclave.Infrastructure.Persistence.Configurations;

internal sealed class KeyPackageConfiguration : IEntityTypeConfiguration<KeyPackage>
{
    public void Configure(EntityTypeBuilder<KeyPackage> package)
    {
        package.ToTable("key_packages");
        package.HasKey(p => p.Id);
        package.Property(p => p.Id).HasColumnName("id").ValueGeneratedOnAdd();
        package.Property(p => p.UserId).HasColumnName("user_id");
        package.Property(p => p.Data).HasColumnName("data");
        package.Property(p => p.IsLastResort).HasColumnName("is_last_resort");
        package.Property(p => p.CreatedAt).HasColumnName("created_at");
        package.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        package.HasIndex(p => new { p.UserId, p.IsLastResort, p.CreatedAt, p.Id });
    }
}
