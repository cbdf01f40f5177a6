using Conclave.Application.Welcomes.Commands.AcceptWelcome;
using Conclave.Domain.Common;
using Conclave.Domain.Welcomes;
using MediatR;
using NSubstitute;

namespace Conclave.Application.UnitTests.Welcomes;

public sealed class AcceptWelcomeTests
{
    private readonly IWelcomeRepository _welcomes = Substitute.For<IWelcomeRepository>();
    private static readonly UserId Owner = UserId.New();
    private readonly Welcome _welcome = new(Owner, GroupId.New(), "alias", [9], createdAt: 1);

    [Fact]
    public async Task Someone_elses_welcome_is_not_found_and_stays()
    {
        _welcomes.GetAsync(_welcome.Id, Arg.Any<CancellationToken>()).Returns(_welcome);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Handle(UserId.New()));

        Assert.Equal((DomainError.NotFound, "welcome not found"), (refused.Error, refused.Message));
        _welcomes.DidNotReceiveWithAnyArgs().Remove(default!);
    }

    [Fact]
    public async Task The_owner_accepting_deletes_it()
    {
        _welcomes.GetAsync(_welcome.Id, Arg.Any<CancellationToken>()).Returns(_welcome);

        await Handle(Owner);

        _welcomes.Received(1).Remove(_welcome);
    }

    private Task<Unit> Handle(UserId actor) =>
        ((IRequestHandler<AcceptWelcomeCommand, Unit>)new AcceptWelcomeHandler(_welcomes)).Handle(new AcceptWelcomeCommand(_welcome.Id, actor), default);
}
