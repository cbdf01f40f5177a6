using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conclave.Infrastructure.Persistence.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    /// <summary>The group's message counter: held by its <see cref="Domain.Messages.MessageLog"/>, stored in its row.</summary>
    public const string LastSequence = "LastSequence";

    public void Configure(EntityTypeBuilder<Group> group)
    {
        group.ToTable("groups");
        group.HasKey(g => g.Id);
        group.Property(g => g.Id).HasColumnName("id");
        group.Property(g => g.Name).HasColumnName("group_name");
        group.HasIndex(g => g.Name).IsUnique();
        group.Property(g => g.Alias).HasColumnName("alias");
        group.Property(g => g.MlsGroupId).HasColumnName("mls_group_id");
        group.Property(g => g.MessageExpirySeconds).HasColumnName("message_expiry_seconds");
        group.Property(g => g.Visibility).HasColumnName("visibility");
        group.Property<long>(LastSequence).HasColumnName("last_sequence");
        group.Property(g => g.CreatedAt).HasColumnName("created_at");
        group.Ignore(g => g.DomainEvents);

        group.OwnsMany(g => g.Members, member =>
        {
            member.ToTable("group_members");
            member.WithOwner().HasForeignKey("GroupId");
            member.Property<Domain.Common.GroupId>("GroupId").HasColumnName("group_id");
            member.HasKey("GroupId", nameof(GroupMember.UserId));
            member.Property(m => m.UserId).HasColumnName("user_id");
            member.Property(m => m.Role).HasColumnName("role");
            member.Property(m => m.JoinedAt).HasColumnName("joined_at");
            member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            member.HasIndex(m => m.UserId);
        });
        group.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);

        group.OwnsMany(g => g.Bans, ban =>
        {
            ban.ToTable("banned_users");
            ban.WithOwner().HasForeignKey("GroupId");
            ban.Property<Domain.Common.GroupId>("GroupId").HasColumnName("group_id");
            ban.HasKey("GroupId", nameof(GroupBan.UserId));
            ban.Property(b => b.UserId).HasColumnName("user_id");
            ban.Property(b => b.BannedBy).HasColumnName("banned_by");
            ban.Property(b => b.BannedAt).HasColumnName("banned_at");
            ban.HasOne<User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
            ban.HasOne<User>().WithMany().HasForeignKey(b => b.BannedBy).OnDelete(DeleteBehavior.Cascade);
        });
        group.Navigation(g => g.Bans).UsePropertyAccessMode(PropertyAccessMode.Field);

        group.OwnsMany(g => g.PendingExternalJoins, join =>
        {
            join.ToTable("pending_external_joins");
            join.WithOwner().HasForeignKey("GroupId");
            join.Property<Domain.Common.GroupId>("GroupId").HasColumnName("group_id");
            join.HasKey("GroupId", nameof(PendingExternalJoin.UserId));
            join.Property(j => j.UserId).HasColumnName("user_id");
            join.HasOne<User>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        group.Navigation(g => g.PendingExternalJoins).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
