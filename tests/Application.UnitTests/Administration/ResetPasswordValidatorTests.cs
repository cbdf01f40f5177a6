using Conclave.Application.Administration.Commands.ResetPassword;

namespace Conclave.Application.UnitTests.Administration;

public sealed class ResetPasswordValidatorTests
{
    private readonly ResetPasswordValidator _validator = new();

    [Theory]
    [InlineData("", "password is required")]
    [InlineData("1234567", "password must be at least 8 characters")]
    [InlineData("ééé", "password must be at least 8 characters")] // 6 UTF-8 bytes (C18)
    public void A_missing_or_short_password_is_refused(string password, string message) =>
        Assert.Equal(message, Assert.Single(_validator.Validate(new ResetPasswordCommand("alice", password)).Errors).ErrorMessage);

    [Theory]
    [InlineData("12345678")]
    [InlineData("éééé")] // 8 UTF-8 bytes
    public void Eight_bytes_are_enough(string password) =>
        Assert.True(_validator.Validate(new ResetPasswordCommand("alice", password)).IsValid);
}
