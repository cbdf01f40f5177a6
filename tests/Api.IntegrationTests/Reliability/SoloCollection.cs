namespace Conclave.Api.IntegrationTests.Reliability;

/// <summary>
/// Tests that start many server processes run alone, after the parallel ones: twenty process starts would
/// otherwise starve the suite's timing-sensitive tests (session expiry, retention) of the two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloCollection
{
    public const string Name = "Solo";
}
