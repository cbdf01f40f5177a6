using Conclave.Application.Administration.Commands.CreateInvitation;
using Conclave.Application.Common.Security;
using Conclave.Domain.Registration;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Administration;

public sealed class CreateInvitationHandlerTests
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
}
