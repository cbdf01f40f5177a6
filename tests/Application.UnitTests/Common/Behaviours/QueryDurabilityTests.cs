using Conclave.Application.Common.Behaviours;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using Conclave.Application.UnitTests.Plugins;
using MediatR;
using NSubstitute;

namespace Conclave.Application.UnitTests.Common.Behaviours;

// A commit is visible before its shared fsync: a query answers only once what it may have read is durable.
public sealed class QueryDurabilityTests
{
    private sealed record SomeQuery : IQuery<string>;

    [Fact]
    public async Task A_query_answers_once_the_writes_it_may_have_read_are_durable()
    {
        var durable = new TaskCompletionSource();
        var unitOfWork = Substitute.For<IUnitOfWork>();
        unitOfWork.ReadsDurableAsync().Returns(durable.Task);

        var answering = Behaviour(unitOfWork).Handle(new SomeQuery(), default, () => Task.FromResult("rows"));

        Assert.False(answering.IsCompleted);
        durable.SetResult();
        Assert.Equal("rows", await answering.WaitAsync(TimeSpan.FromSeconds(10)));
        await unitOfWork.DidNotReceive().BeginAsync(Arg.Any<CancellationToken>());
    }

    private static UnitOfWorkBehaviour<SomeQuery, string> Behaviour(IUnitOfWork unitOfWork) =>
        new(unitOfWork, new DomainEventPublisher(Substitute.For<IMediator>(), NoPlugins.Dispatcher(), TimeProvider.System));
}
