using Conclave.Domain.Users;

namespace Conclave.Domain.UnitTests.Users;

// Lengths count UTF-8 bytes, not characters (CLARIFICATIONS C18).
public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("12345678")]             // 8 ASCII bytes
    [InlineData("密码密")]                 // 3 characters, 9 bytes
    [InlineData("éééé")]                 // 4 characters, 8 bytes
    [InlineData("😀😀")]                   // 2 characters (4 UTF-16 units), 8 bytes
    [InlineData("a very long passphrase")]
    public void Eight_or_more_bytes_are_long_enough(string password) => Assert.True(PasswordPolicy.IsLongEnough(password));

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]              // 7 bytes
    [InlineData("ééé")]                  // 6 bytes
    [InlineData("密密")]                   // 6 bytes
    public void Fewer_than_eight_bytes_are_too_short(string password) => Assert.False(PasswordPolicy.IsLongEnough(password));

    [Fact]
    public void The_message_is_the_references() =>
        Assert.Equal("password must be at least 8 characters", PasswordPolicy.TooShort);
}
