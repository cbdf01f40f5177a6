namespace Conclave.Api.IntegrationTests.Support;

/// <summary>
/// Tests that must run alone: xunit runs this collection after every parallel one, one test at a time. For metrics
/// (the "Conclave" meter is one name process-wide, so another test's server would add to the counts) and for the
/// single-file publish, which takes both cores for a minute or two.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Alone on the machine";
}
