using Conclave.Application.Administration.Queries.ListInvitations;
using Conclave.Domain.Registration;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Administration;

public sealed class ListInvitationsHandlerTests
{
    private const long Now = 1_800_000_000;

    private readonly IRegistrationInvitationRepository _invitations = Substitute.For<IRegistrationInvitationRepository>();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));

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
