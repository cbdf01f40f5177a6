using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conclave.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Id).HasColumnName("id");
        user.Property(u => u.Username).HasColumnName("username");
        user.HasIndex(u => u.Username).IsUnique();
        user.Property(u => u.PasswordHash).HasColumnName("password_hash");
        user.Property(u => u.Alias).HasColumnName("alias");
        user.Property(u => u.SigningKeyFingerprint).HasColumnName("signing_key_fingerprint");
        user.Property(u => u.CreatedAt).HasColumnName("created_at");
        user.Ignore(u => u.DomainEvents);
    }
}
