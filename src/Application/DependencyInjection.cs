using System.Reflection;
using Conclave.Application.Accounts;
using Conclave.Application.Accounts.Commands.Login;
using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Common.Behaviours;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Observability;
using Conclave.Application.Common.Security;
using Conclave.Application.KeyPackages;
using Conclave.Application.Messages;
using Conclave.Application.Plugins;
using Conclave.Application.Retention;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conclave.Application;

public static class DependencyInjection
{
    /// <summary>The use cases, their pipeline, and the handlers, validators and behaviours of <paramref name="plugins"/>.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IReadOnlyList<Assembly> plugins)
    {
        services.AddTransient<ServiceFactory>(provider => provider.GetRequiredService);
        services.AddScoped<IMediator, IsolatingMediator>();
        services.AddScoped<DomainEventPublisher>();
        services.AddSingleton<PublicationOrder>();
        services.AddSingleton<SessionAuthenticator>();
        services.AddSingleton<SessionSlides>();
        services.AddScoped<RegistrationGate>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<PasswordReplacement>();
        services.AddSingleton<ConclaveMetrics>();
        services.AddScoped<CleanupRun>();
        // The rate limits count in memory, shared by every request.
        services.AddSingleton<KeyPackageRateLimiter>(); // decision 4
        services.AddSingleton<RegistrationLimit>();
        services.AddSingleton<LoginFailureLimit>();
        services.AddScoped<GroupBlobs>();
        services.TryAddSingleton(new PluginDispatchOptions());
        services.AddSingleton<PluginEventDispatcher>();
        foreach (var handler in PluginHandler.FoundIn(plugins.SelectMany(plugin => plugin.GetExportedTypes())))
            services.AddSingleton(handler);

        // MediatR 5 runs behaviours in registration order, the first outermost (STYLE §2). The first two hold nothing
        // of a request's, so they are made once rather than per request. What holds no state of its own (behaviours,
        // handlers, validators) is transient: resolved once per request anyway, it then costs the scope no entry in
        // its table of resolved services, which otherwise grows by reallocation with every scoped service.
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(GroupAccessBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));

        services.Scan(scan => scan.FromAssemblies([typeof(DependencyInjection).Assembly, .. plugins])
            .AddClasses(classes => classes.AssignableToAny(typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>)))
            .AsImplementedInterfaces()
            .WithTransientLifetime());
        // Plugin behaviours run innermost: after access and validation, inside the transaction, before the handler.
        services.Scan(scan => scan.FromAssemblies(plugins)
            .AddClasses(classes => classes.AssignableTo(typeof(IPipelineBehavior<,>)))
            .AsImplementedInterfaces()
            .WithTransientLifetime());
        return services;
    }
}
