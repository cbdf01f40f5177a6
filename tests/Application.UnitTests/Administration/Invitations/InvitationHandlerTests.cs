using Conclave.Application.Administration.Commands.CreateInvitation;
using Conclave.Application.Administration.Commands.RevokeInvitation;
using Conclave.Application.Administration.Queries.ListInvitations;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Registration;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Administration.Invitations;

public sealed class InvitationHandlerTests
{
    private const long Now = 1_800_000_000;

    private readonly IRegistrationInvitationRepository _invitations = Substitute.For<IRegistrationInvitationRepository>();
    private readonly ISessionTokens _tokens = Substitute.For<ISessionTokens>();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));

    [Fact]
    public async Task Create_returns_the_token_once_and_stores_only_its_hash()
    {
        _tokens.NewToken().Returns("the-token");
        _tokens.Hash("the-token").Returns("hash of the-token");
        RegistrationInvitation? added = null;
        _invitations.Add(Arg.Do<RegistrationInvitation>(invitation => added = invitation));

        var created = await new CreateInvitationHandler(_invitations, _tokens, _clock).Handle(new CreateInvitationCommand(3, 86_400, "club"), default);

        Assert.NotNull(added);
        Assert.Equal((added.Id, "the-token", Now + 86_400), (created.Id, created.Token, created.ExpiresAt));
        Assert.Equal(("hash of the-token", 3, "club"), (added.TokenHash, added.MaxUses, added.Note));
    }

    [Fact]
    public async Task Revoke_of_an_unknown_invitation_is_not_found_and_of_a_known_one_revokes_it_now()
    {
        var known = RegistrationInvitation.Create("hash", 1, 60, "", Now - 10);
        _invitations.GetAsync(known.Id, Arg.Any<CancellationToken>()).Returns(known);
        var handler = new RevokeInvitationHandler(_invitations, _clock);

        var unknown = await Assert.ThrowsAsync<DomainException>(() => handler.Handle(new RevokeInvitationCommand(InvitationId.New()), default));
        await handler.Handle(new RevokeInvitationCommand(known.Id), default);

        Assert.Equal((DomainError.NotFound, "invitation not found"), (unknown.Error, unknown.Message));
        Assert.Equal(Now, known.RevokedAt);
    }

    [Fact]
    public async Task List_shows_each_invitation_s_state_now()
    {
        var live = RegistrationInvitation.Create("a", 2, 60, "live one", Now - 10);
        var expired = RegistrationInvitation.Create("b", 2, 5, "", Now - 10);
        _invitations.ListAsync(Arg.Any<CancellationToken>()).Returns([live, expired]);

        var listed = await new ListInvitationsHandler(_invitations, _clock).Handle(new ListInvitationsQuery(), default);

        Assert.Equal([(live.Id, InvitationState.Live, 2, "live one"), (expired.Id, InvitationState.Expired, 2, "")],
            listed.Select(i => (i.Id, i.State, i.UsesLeft, i.Note)));
    }
}
