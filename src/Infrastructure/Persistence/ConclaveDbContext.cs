using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Messages;
using Conclave.Domain.Registration;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Conclave.Domain.Welcomes;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence;

public sealed class ConclaveDbContext(DbContextOptions<ConclaveDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<KeyPackage> KeyPackages => Set<KeyPackage>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<StoredGroupInfo> GroupInfos => Set<StoredGroupInfo>();
    public DbSet<StoredMessage> Messages => Set<StoredMessage>();
    public DbSet<FetchWatermark> FetchWatermarks => Set<FetchWatermark>();
    public DbSet<Invite> Invites => Set<Invite>();
    public DbSet<Welcome> Welcomes => Set<Welcome>();
    public DbSet<RegistrationInvitation> RegistrationInvitations => Set<RegistrationInvitation>();

    /// <summary>Set once this context has run a write its change tracker does not see (<see cref="Writes.UntrackedWrites"/>).</summary>
    internal bool RanUntrackedWrite { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<UserId>().HaveConversion<UserIdConverter>();
        configurationBuilder.Properties<GroupId>().HaveConversion<GroupIdConverter>();
        configurationBuilder.Properties<InviteId>().HaveConversion<InviteIdConverter>();
        configurationBuilder.Properties<WelcomeId>().HaveConversion<WelcomeIdConverter>();
        configurationBuilder.Properties<InvitationId>().HaveConversion<InvitationIdConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConclaveDbContext).Assembly);
}
