using Conclave.Application.Administration;
using Conclave.Application.Administration.Queries.GetServerStats;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Administration;

// "Active" sessions are those not expired now: the handler hands the clock's time to the queries.
public sealed class GetServerStatsHandlerTests
{
    private readonly IAdministrationQueries _queries = Substitute.For<IAdministrationQueries>();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    [Fact]
    public async Task Stats_are_counted_as_of_now()
    {
        var stats = new ServerStatsDto(1, 2, 3, 4, 5, 6, 7, 8, 9);
        _queries.StatsAsync(1_700_000_000, Arg.Any<CancellationToken>()).Returns(stats);

        Assert.Same(stats, await new GetServerStatsHandler(_queries, _clock).Handle(new GetServerStatsQuery(), default));
    }
}
