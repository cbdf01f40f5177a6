using Conclave.Application.Accounts.Commands.UpdateProfile;
using Conclave.Domain.Common;

namespace Conclave.Application.UnitTests.Accounts.UpdateProfile;

// CLARIFICATIONS R5: alias rules as in R1 when non-empty; an empty alias clears it.
public sealed class UpdateProfileValidatorTests
{
    private readonly UpdateProfileValidator _validator = new();

    [Theory]
    [InlineData("")]
    [InlineData("Alice")]
    [InlineData("c1 \u0085 ok")]
    public void Accepts(string alias) => Assert.True(_validator.Validate(Command(alias)).IsValid);

    [Fact]
    public void An_alias_over_64_bytes_is_refused() =>
        AssertRefused(new string('é', 33), "alias exceeds maximum length of 64 characters");

    [Theory]
    [InlineData("a\tb")]
    [InlineData("\u007f")]
    public void An_alias_with_a_control_character_is_refused(string alias) =>
        AssertRefused(alias, "alias must not contain ASCII control characters");

    private void AssertRefused(string alias, string message)
    {
        var failure = Assert.Single(_validator.Validate(Command(alias)).Errors);
        Assert.Equal(message, failure.ErrorMessage);
    }

    private static UpdateProfileCommand Command(string alias) => new(UserId.New(), alias);
}
