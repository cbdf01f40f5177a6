using Conclave.Application.Common.Behaviours;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using Conclave.Application.UnitTests.Plugins;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using MediatR;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Conclave.Application.UnitTests.Common.Events;

// Events go out after the commit, in commit order, and a failed command never holds back the commands after it.
public sealed class UnitOfWorkPublicationTests
{
    private sealed record SomeCommand : IRequest<Unit>;

    private readonly PublicationOrder _order = new();
    private readonly IMediator _mediator = Substitute.For<IMediator>();

    [Fact]
    public async Task Events_of_a_later_commit_wait_for_the_publication_of_the_earlier_one()
    {
        var earlier = _order.Take(); // a command committed just before, still publishing
        var unitOfWork = UnitOfWorkCommitting(new ProfileUpdated(UserId.New()));

        var handling = Behaviour(unitOfWork).Handle(new SomeCommand(), default, () => Task.FromResult(Unit.Value));
        await Task.Delay(100);
        Assert.False(handling.IsCompleted);
        await _mediator.DidNotReceiveWithAnyArgs().Publish(Arg.Any<INotification>(), Arg.Any<CancellationToken>());

        earlier.Dispose();
        await handling.WaitAsync(TimeSpan.FromSeconds(10));
        await _mediator.Received(1).Publish(Arg.Any<DomainEventNotification<ProfileUpdated>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_commit_with_nothing_to_publish_gives_up_its_turn_at_once()
    {
        var unitOfWork = UnitOfWorkCommitting();

        await Behaviour(unitOfWork).Handle(new SomeCommand(), default, () => Task.FromResult(Unit.Value)).WaitAsync(TimeSpan.FromSeconds(10));

        using var next = _order.Take();
        await next.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_failed_commit_is_rolled_back()
    {
        var unitOfWork = Substitute.For<IUnitOfWork>();
        unitOfWork.CommitAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("disk full"));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Behaviour(unitOfWork).Handle(new SomeCommand(), default, () => Task.FromResult(Unit.Value)));

        await unitOfWork.Received(1).RollbackAsync();
    }

    private IUnitOfWork UnitOfWorkCommitting(params IDomainEvent[] events)
    {
        var unitOfWork = Substitute.For<IUnitOfWork>();
        unitOfWork.CommitAsync(Arg.Any<CancellationToken>()).Returns(_ => new Committed(events, _order.Take()));
        return unitOfWork;
    }

    private UnitOfWorkBehaviour<SomeCommand, Unit> Behaviour(IUnitOfWork unitOfWork) =>
        new(unitOfWork, new DomainEventPublisher(_mediator, NoPlugins.Dispatcher(), TimeProvider.System));
}
