using Conclave.Application.Administration;
using Conclave.Application.Administration.Queries.ListUsers;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Administration;

// "Active" sessions are those not expired now: the handler hands the clock's time to the queries.
public sealed class ListUsersHandlerTests
{
    private readonly IAdministrationQueries _queries = Substitute.For<IAdministrationQueries>();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    [Fact]
    public async Task Users_are_listed_as_of_now()
    {
        UserSummaryDto[] users = [new(Conclave.Domain.Common.UserId.New(), "alice", "", 1, 0, 2)];
        _queries.UsersAsync(1_700_000_000, Arg.Any<CancellationToken>()).Returns(users);

        Assert.Same(users, await new ListUsersHandler(_queries, _clock).Handle(new ListUsersQuery(), default));
    }
}
