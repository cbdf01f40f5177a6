using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conclave.Infrastructure.Persistence.Configurations;

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> invite)
    {
        invite.ToTable("pending_invites");
        invite.HasKey(i => i.Id);
        invite.Property(i => i.Id).HasColumnName("id");
        invite.Property(i => i.GroupId).HasColumnName("group_id");
        invite.Property(i => i.InviteeId).HasColumnName("invitee_id");
        invite.Property(i => i.InviterId).HasColumnName("inviter_id");
        invite.Property(i => i.CommitMessage).HasColumnName("commit_message");
        invite.Property(i => i.WelcomeMessage).HasColumnName("welcome_message");
        invite.Property(i => i.GroupInfo).HasColumnName("group_info");
        invite.Property(i => i.CreatedAt).HasColumnName("created_at");
        invite.HasIndex(i => new { i.GroupId, i.InviteeId }).IsUnique();
        invite.HasIndex(i => i.InviteeId);
        invite.HasIndex(i => i.CreatedAt);
        invite.HasOne<Group>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Cascade);
        invite.HasOne<User>().WithMany().HasForeignKey(i => i.InviteeId).OnDelete(DeleteBehavior.Cascade);
        invite.HasOne<User>().WithMany().HasForeignKey(i => i.InviterId).OnDelete(DeleteBehavior.Cascade);
        invite.Ignore(i => i.DomainEvents);
    }
}
