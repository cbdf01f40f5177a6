using Conclave.Application.Common.Behaviours;
using Conclave.Application.Common.Observability;
using Conclave.Application.Common.Security;
using Conclave.Application.KeyPackages;
using Conclave.Application.Members.Commands.InviteToGroup;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Users;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Conclave.Application.UnitTests.KeyPackages.TestPackages;
using static Conclave.TestSupport.KeyPackageData;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS R21 (order), C35/checklist 97-99, decision 4 (rate limit on every id) and 12 (all or nothing).
public sealed class InviteToGroupHandlerTests
{
    private readonly IGroupRepository _groups = Substitute.For<IGroupRepository>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IKeyPackageRepository _packages = Substitute.For<IKeyPackageRepository>();
    private readonly IGroupAccess _access = Substitute.For<IGroupAccess>();
    private readonly KeyPackageRateLimiter _limiter = new(new FakeTimeProvider(), new ConclaveMetrics());
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New(), Dave = UserId.New();
    private readonly Group _group = Group.Create("team", "", Alice, 1);

    public InviteToGroupHandlerTests()
    {
        _group.AdmitInvitee(Dave, 2); // a plain member
        _groups.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns(_group);
        _users.ExistsAsync(Arg.Is<UserId>(u => u == Alice || u == Bob || u == Carol || u == Dave), Arg.Any<CancellationToken>()).Returns(true);
        _packages.GetAsync(Bob, Arg.Any<CancellationToken>()).Returns(_ => Store(Bob, Regular(Bob, 1), Regular(Bob, 2), LastResort(Bob, 9)));
        _packages.GetAsync(Carol, Arg.Any<CancellationToken>()).Returns(_ => Store(Carol, Regular(Carol, 3)));
        _packages.GetAsync(Dave, Arg.Any<CancellationToken>()).Returns(_ => Store(Dave, Regular(Dave, 4)));
    }

    [Fact]
    public async Task An_empty_list_is_refused_before_the_admin_check()
    {
        _access.RoleOfAsync(_group.Id, Dave, Arg.Any<CancellationToken>()).Returns(GroupRole.Member);

        await AssertRefused(Send(Dave), DomainError.BadRequest, "at least one user_id is required");
        await _groups.DidNotReceiveWithAnyArgs().GetAsync(default, default);
    }

    [Fact]
    public async Task A_non_admin_is_refused_before_the_ids_are_looked_at() =>
        await AssertRefused(Send(Dave, [1, 2, 3]), DomainError.NotAdmin, "only group admins can invite members");

    [Fact]
    public async Task A_missing_group_answers_like_a_non_admin()
    {
        var command = new InviteToGroupCommand(GroupId.New(), Alice, [Id(Bob)]);

        await AssertRefused(Send(command), DomainError.NotAdmin, "only group admins can invite members");
    }

    [Fact]
    public async Task Hands_out_one_package_per_id_in_request_order_and_omits_self()
    {
        var handedOut = await Send(Alice, Id(Carol), Id(Alice), Id(Bob));

        Assert.Equal([Carol, Bob], handedOut.Select(p => p.UserId));
        Assert.Equal([Valid(3), Valid(1)], handedOut.Select(p => p.KeyPackageData));
    }

    [Fact]
    public async Task Duplicates_take_one_package_each_and_appear_twice()
    {
        var handedOut = await Send(Alice, Id(Bob), Id(Carol), Id(Bob), Id(Bob));

        Assert.Equal([Bob, Carol, Bob, Bob], handedOut.Select(p => p.UserId));
        Assert.Equal([1, 3, 2, 9], handedOut.Select(p => (int)p.KeyPackageData[4]));
    }

    [Fact]
    public async Task An_id_of_the_wrong_length_is_invalid() =>
        await AssertRefused(Send(Alice, Id(Bob), new byte[15]), DomainError.Validation, "invalid user_id");

    [Fact]
    public async Task Self_is_checked_for_existence_before_being_skipped()
    {
        _users.ExistsAsync(Alice, Arg.Any<CancellationToken>()).Returns(false);

        await AssertRefused(Send(Alice, Id(Alice)), DomainError.NotFound, "user not found");
    }

    [Fact]
    public async Task An_unknown_user_is_not_found_before_membership_is_checked() =>
        await AssertRefused(Send(Alice, Id(UserId.New())), DomainError.NotFound, "user not found");

    [Fact]
    public async Task A_member_is_a_conflict_and_none_of_their_packages_is_taken()
    {
        await AssertRefused(Send(Alice, Id(Dave)), DomainError.Conflict, "user is already a member of this group");

        await _packages.DidNotReceive().GetAsync(Dave, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_user_without_packages_is_not_found()
    {
        var eve = UserId.New();
        _users.ExistsAsync(eve, Arg.Any<CancellationToken>()).Returns(true);
        _packages.GetAsync(eve, Arg.Any<CancellationToken>()).Returns(Store(eve));

        await AssertRefused(Send(Alice, Id(eve)), DomainError.NotFound, "no key package available for this user");
    }

    [Fact]
    public async Task A_failure_on_the_third_id_gives_back_the_permits_of_the_first_two()
    {
        // The packages come back with the rolled-back transaction (Infrastructure test); the permits here.
        await AssertRefused(Send(Alice, Id(Bob), Id(Carol), Id(Dave)), DomainError.Conflict, "user is already a member of this group");

        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(_limiter.TryAcquire(Bob));
            Assert.NotNull(_limiter.TryAcquire(Carol));
        }
    }

    [Fact]
    public async Task A_refusal_by_the_rate_limit_consumes_nothing_for_any_id()
    {
        for (var i = 0; i < 10; i++) _limiter.TryAcquire(Bob);

        await AssertRefused(Send(Alice, Id(Carol), Id(Bob)), DomainError.RateLimited, KeyPackageRateLimiter.RefusalMessage);

        await _packages.DidNotReceive().GetAsync(Bob, Arg.Any<CancellationToken>());
        for (var i = 0; i < 10; i++) Assert.NotNull(_limiter.TryAcquire(Carol)); // Carol's permit was given back
    }

    [Fact]
    public async Task Every_occurrence_of_an_id_counts_toward_its_limit() =>
        await AssertRefused(Send(Alice, [.. Enumerable.Repeat(Id(Bob), 11)]), DomainError.RateLimited, KeyPackageRateLimiter.RefusalMessage);

    [Fact]
    public async Task A_successful_invite_keeps_its_permits()
    {
        await Send(Alice, Id(Bob), Id(Bob));

        for (var i = 0; i < 8; i++) Assert.NotNull(_limiter.TryAcquire(Bob));
        Assert.Null(_limiter.TryAcquire(Bob));
    }

    private static byte[] Id(UserId user) => UuidBytes.Write(user.Value);

    private Task<IReadOnlyList<MemberKeyPackageDto>> Send(UserId actor, params byte[][] ids) =>
        Send(new InviteToGroupCommand(_group.Id, actor, ids));

    // The pipeline's order (Application/DependencyInjection.cs): group access, then validation, then the handler.
    private Task<IReadOnlyList<MemberKeyPackageDto>> Send(InviteToGroupCommand command)
    {
        IRequestHandler<InviteToGroupCommand, IReadOnlyList<MemberKeyPackageDto>> handler =
            new InviteToGroupHandler(_groups, _users, _packages, _limiter);
        var validation = new ValidationBehaviour<InviteToGroupCommand, IReadOnlyList<MemberKeyPackageDto>>([new InviteToGroupValidator()]);
        var access = new GroupAccessBehaviour<InviteToGroupCommand, IReadOnlyList<MemberKeyPackageDto>>(_access);
        return access.Handle(command, default, () => validation.Handle(command, default, () => handler.Handle(command, default)));
    }

    private static async Task AssertRefused(Task request, DomainError error, string message)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => request);
        Assert.Equal(error, refusal.Error);
        Assert.Equal(message, refusal.Message);
    }
}
