using Conclave.Application.Common.Observability;
using Conclave.Application.KeyPackages.Commands.GetKeyPackage;
using Conclave.Application.KeyPackages;
using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Conclave.Application.UnitTests.KeyPackages.TestPackages;
using static Conclave.TestSupport.KeyPackageData;

namespace Conclave.Application.UnitTests.KeyPackages;

// CLARIFICATIONS R12 with decision 4: 429 before consuming; 404 for no package or an unknown user (C26).
public sealed class GetKeyPackageHandlerTests
{
    private readonly IKeyPackageRepository _packages = Substitute.For<IKeyPackageRepository>();
    private readonly KeyPackageRateLimiter _limiter = new(new FakeTimeProvider(), new ConclaveMetrics());
    private static readonly UserId Bob = UserId.New();

    [Fact]
    public async Task Hands_out_the_oldest_regular_package_and_stages_its_removal()
    {
        var store = Store(Bob, Regular(Bob, 1, createdAt: 200), Regular(Bob, 2, createdAt: 100));
        _packages.GetAsync(Bob, Arg.Any<CancellationToken>()).Returns(store);

        Assert.Equal(Valid(2), await Handle(Bob));

        _packages.Received(1).Update(store);
        Assert.Equal(2, Assert.Single(store.Removed).Data[4]);
    }

    [Fact]
    public async Task A_user_without_packages_or_unknown_is_not_found()
    {
        _packages.GetAsync(Bob, Arg.Any<CancellationToken>()).Returns(Store(Bob));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(Bob));

        Assert.Equal(DomainError.NotFound, refusal.Error);
        Assert.Equal("no key package available for this user", refusal.Message);
    }

    [Fact]
    public async Task The_eleventh_fetch_within_a_minute_is_refused_without_consuming()
    {
        _packages.GetAsync(Bob, Arg.Any<CancellationToken>()).Returns(_ => Store(Bob, LastResort(Bob, 9)));
        for (var i = 0; i < 10; i++) await Handle(Bob);
        _packages.ClearReceivedCalls();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(Bob));

        Assert.Equal(DomainError.RateLimited, refusal.Error);
        Assert.Equal(KeyPackageRateLimiter.RefusalMessage, refusal.Message);
        await _packages.DidNotReceiveWithAnyArgs().GetAsync(default, default);
        _packages.DidNotReceiveWithAnyArgs().Update(default!);
    }

    [Fact]
    public async Task Fetches_that_find_nothing_do_not_count_toward_the_limit()
    {
        _packages.GetAsync(Bob, Arg.Any<CancellationToken>()).Returns(Store(Bob));
        for (var i = 0; i < 15; i++) await Assert.ThrowsAsync<DomainException>(() => Handle(Bob));

        _packages.GetAsync(Bob, Arg.Any<CancellationToken>()).Returns(_ => Store(Bob, LastResort(Bob, 9)));
        for (var i = 0; i < 10; i++) Assert.Equal(Valid(9), await Handle(Bob));
        Assert.Equal(DomainError.RateLimited, (await Assert.ThrowsAsync<DomainException>(() => Handle(Bob))).Error);
    }

    private Task<byte[]> Handle(UserId target) =>
        ((IRequestHandler<GetKeyPackageCommand, byte[]>)new GetKeyPackageHandler(_packages, _limiter)).Handle(new GetKeyPackageCommand(target), default);
}
