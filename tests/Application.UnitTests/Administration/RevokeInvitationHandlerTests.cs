using Conclave.Application.Administration.Commands.RevokeInvitation;
using Conclave.Domain.Common;
using Conclave.Domain.Registration;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Administration;

public sealed class RevokeInvitationHandlerTests
{
    private const long Now = 1_800_000_000;

    private readonly IRegistrationInvitationRepository _invitations = Substitute.For<IRegistrationInvitationRepository>();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));

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
}
