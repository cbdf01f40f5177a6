using Conclave.Application.Common.Behaviours;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using Conclave.Application.UnitTests.Plugins;
using MediatR;
using NSubstitute;

namespace Conclave.Application.UnitTests.Common.Behaviours;

// A message send is committed by the message log, in a batch with other sends: the unit of work neither begins nor
// commits it, and a failure of the send leaves it nothing to roll back.
public sealed class MessageLogCommandTests
{
    private sealed record SomeSend : IRequest<long>, ICommittedByMessageLog;

    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();

    [Fact]
    public async Task A_send_runs_outside_the_unit_of_work()
    {
        Assert.Equal(7, await Behaviour().Handle(new SomeSend(), default, () => Task.FromResult(7L)));

        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task A_failed_send_reaches_its_caller_untouched()
    {
        var failure = new InvalidOperationException("disk full");

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Behaviour().Handle(new SomeSend(), default, () => Task.FromException<long>(failure))));
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    private UnitOfWorkBehaviour<SomeSend, long> Behaviour() =>
        new(_unitOfWork, new DomainEventPublisher(Substitute.For<IMediator>(), NoPlugins.Dispatcher(), TimeProvider.System));
}
