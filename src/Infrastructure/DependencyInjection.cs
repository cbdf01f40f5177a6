using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Application.Groups;
using Conclave.Application.Users;
using Conclave.Domain.Groups;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Queries;
using Conclave.Infrastructure.Persistence.Repositories;
using Conclave.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        services.AddDbContext<ConclaveDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteConnectionSettings()));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();

        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<SessionRepository>();
        services.AddScoped<ISessionRepository>(provider => provider.GetRequiredService<SessionRepository>());
        services.AddScoped<ISessionStore>(provider => provider.GetRequiredService<SessionRepository>());
        services.AddScoped<IKeyPackageRepository, KeyPackageRepository>();
        services.AddScoped<IGroupRepository, GroupRepository>();

        services.AddScoped<IUserQueries, UserQueries>();
        services.AddScoped<MembershipQueries>();
        services.AddScoped<IMembershipQueries>(provider => provider.GetRequiredService<MembershipQueries>());
        services.AddScoped<IGroupAccess>(provider => provider.GetRequiredService<MembershipQueries>());

        services.AddSingleton<IPasswordHasher, Argon2idPasswordHasher>();
        services.AddSingleton<ISessionTokens, SessionTokens>();
        return services;
    }
}
