namespace Conclave.Api.Hosting;

/// <summary>Counts requests as they arrive, so that <see cref="IdleMemoryTrim"/> can tell a quiet server from a busy one.</summary>
public sealed class RequestActivity
{
    private long _started;

    public long Started => Interlocked.Read(ref _started);

    public void Arrived() => Interlocked.Increment(ref _started);
}

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
