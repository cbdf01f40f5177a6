using Conclave.Application.Common.Security;
using Conclave.Application.Messages;
using Conclave.Application.Retention;
using Conclave.Domain.Messages;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Writes;
using Conclave.Infrastructure.Sqlite.Connections;
using Conclave.Infrastructure.Sqlite.Durability;
using Conclave.Infrastructure.Sqlite.Lookups;
using Conclave.Infrastructure.Sqlite.Messages;
using Conclave.Infrastructure.Sqlite.ReferenceImport;
using Conclave.Infrastructure.Sqlite.Retention;
using Conclave.Infrastructure.Sqlite.Schema;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Sqlite;

/// <summary>The SQLite engine: every service whose implementation knows it runs on one SQLite file.</summary>
public static class SqliteStorage
{
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        // Pooled contexts: a request reuses one (reset when its scope ends) instead of building it and its services,
        // and leases it only once something in its scope uses it, with a connection kept open (ScopedContext).
        services.AddPooledDbContextFactory<ConclaveDbContext>(options => options
            .UseSqlite()
            .AddInterceptors(UntrackedWrites.Instance)
            // Migrate would otherwise build two more models (design-time and snapshot) whenever it runs to compare
            // them, only to warn a developer who forgot a migration; a test does that check instead.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)));
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton(new DatabaseReadiness(databasePath));
        services.AddHostedService<DatabaseCheckpoint>();
        services.AddSingleton(_ => new ContextConnections(connectionString)); // built by the container, so disposed by it
        services.AddSingleton<IReleasableWhenIdle>(provider => provider.GetRequiredService<ContextConnections>());
        services.AddScoped<ScopedContext>();
        services.AddScoped<IContextLease>(provider => provider.GetRequiredService<ScopedContext>());
        services.AddScoped(provider => provider.GetRequiredService<ScopedContext>().Lease(provider.GetRequiredService<IDbContextFactory<ConclaveDbContext>>()));
        services.AddSingleton(new WalFlush(databasePath + "-wal"));
        services.AddSingleton(_ => new AccessEpoch(databasePath));
        services.AddSingleton<WriteGate>();
        services.AddSingleton<IWriteAdmission>(provider => provider.GetRequiredService<WriteGate>());
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(DurableReadsBehaviour<,>));
        services.AddSingleton<IMessageLog>(provider => ActivatorUtilities.CreateInstance<MessageAppendWriter>(provider, connectionString));
        services.AddScoped<IMessageQueries, MessageQueries>();
        services.AddScoped<IFetchWatermarkRepository, FetchWatermarkRepository>();
        services.AddSingleton(_ => new AccessLookups(databasePath)); // built by the container, so disposed by it
        services.AddSingleton<IReleasableWhenIdle>(provider => provider.GetRequiredService<AccessLookups>());
        services.AddSingleton<ISessionStore, SessionStore>();
        services.AddSingleton<IGroupAccess, GroupAccess>();
        services.AddSingleton<ISessionEndings, SessionEndMark>();
        services.AddSingleton(provider => new ReferenceImporter(databasePath, provider.GetRequiredService<AccessEpoch>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRetentionStore>(provider => ActivatorUtilities.CreateInstance<SqliteRetentionStore>(provider, connectionString));
        return services;
    }

    /// <summary>Closes the pooled connections not in use: the last one closed lets SQLite fold its write-ahead log back in.</summary>
    public static void CloseIdleConnections() => SqliteConnection.ClearAllPools();
}
