using Conclave.Domain.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conclave.Infrastructure.Persistence.Configurations;

internal sealed class RegistrationInvitationConfiguration : IEntityTypeConfiguration<RegistrationInvitation>
{
    public void Configure(EntityTypeBuilder<RegistrationInvitation> invitation)
    {
        invitation.ToTable("registration_invitations");
        invitation.HasKey(i => i.Id);
        invitation.Property(i => i.Id).HasColumnName("id");
        invitation.Property(i => i.TokenHash).HasColumnName("token_hash");
        invitation.Property(i => i.Note).HasColumnName("note");
        invitation.Property(i => i.MaxUses).HasColumnName("max_uses");
        invitation.Property(i => i.TimesUsed).HasColumnName("times_used");
        invitation.Property(i => i.ExpiresAt).HasColumnName("expires_at");
        invitation.Property(i => i.CreatedAt).HasColumnName("created_at");
        invitation.Property(i => i.RevokedAt).HasColumnName("revoked_at");
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.Ignore(i => i.UsesLeft);
        invitation.Ignore(i => i.DomainEvents);
    }
}
