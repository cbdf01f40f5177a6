namespace Conclave.Api.Hosting;

/// <summary>The idle trim, and the request count it watches.</summary>
internal static class IdleMemoryTrimSetup
{
    public static void AddIdleMemoryTrim(this IServiceCollection services)
    {
        services.AddSingleton<RequestActivity>();
        services.AddSingleton(IdleMemoryTrimOptions.Default);
        services.AddSingleton<IdleMemoryTrim>();
        services.AddHostedService(provider => provider.GetRequiredService<IdleMemoryTrim>());
    }

    /// <summary>First in the pipeline: every request counts, whatever answers it.</summary>
    public static void UseRequestActivity(this IApplicationBuilder app)
    {
        var activity = app.ApplicationServices.GetRequiredService<RequestActivity>();
        app.Use((context, next) =>
        {
            activity.Arrived();
            return next(context);
        });
    }
}
