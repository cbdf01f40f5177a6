using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Infrastructure.Events;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Queries;
using Conclave.Infrastructure.Persistence.Repositories;
using Conclave.Infrastructure.Retention;
using Conclave.Infrastructure.Security;
using Conclave.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Everything but the storage engine's own machinery, then the engine (SQLite at <paramref name="databasePath"/>).</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string databasePath)
    {
        // Every repository and query class, under each interface it implements (one instance per scope).
        services.Scan(scan => scan.FromAssemblyOf<ConclaveDbContext>()
            .AddClasses(classes => classes.InNamespaceOf(typeof(UserRepository), typeof(UserQueries)), publicOnly: false)
            .AsSelfWithInterfaces()
            .WithScopedLifetime());
        services.AddHostedService<CleanupWorker>();
        // The unit of work is the engine's through IWriteAdmission and IContextLease, which the engine registers.
        services.AddScoped<EfUnitOfWork>();
        services.AddScoped<IUnitOfWork>(provider => provider.GetRequiredService<EfUnitOfWork>());

        services.AddSingleton<IPasswordHasher, Argon2idPasswordHasher>();
        services.AddSingleton<ISessionTokens, SessionTokens>();

        services.AddSingleton(new InProcessEventHub(InProcessEventHub.DefaultCapacity));
        services.AddSingleton<IEventSink>(provider => provider.GetRequiredService<InProcessEventHub>());
        services.AddSingleton<IEventStream>(provider => provider.GetRequiredService<InProcessEventHub>());
        return services.AddSqliteStorage(databasePath);
    }
}
