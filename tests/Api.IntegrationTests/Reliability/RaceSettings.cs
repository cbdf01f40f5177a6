using System.Globalization;

namespace Conclave.Api.IntegrationTests.Reliability;

/// <summary>How often each race is run (CONCLAVE_RACE_ROUNDS, default 5): each round is a fresh set-up raced once more.</summary>
public static class RaceSettings
{
    public static int Rounds { get; } = int.TryParse(Environment.GetEnvironmentVariable("CONCLAVE_RACE_ROUNDS"),
        NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) && rounds > 0 ? rounds : 5;

    /// <summary>Starts every call at once (as far as the thread pool allows) and returns their answers.</summary>
    public static async Task<HttpResponseMessage[]> AllAtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(async i =>
        {
            await start.Task;
            return await call(i);
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(calls);
    }
}
