using System.Text.RegularExpressions;
using Conclave.Infrastructure.Security;

namespace Conclave.Infrastructure.Tests.Security;

// CLARIFICATIONS §4.7: Argon2id v19, m=19456 KiB, t=2, p=1, 16-byte salt, 32-byte hash, PHC string.
public sealed partial class Argon2idPasswordHasherTests
{
    private readonly Argon2idPasswordHasher _hasher = new();

    [GeneratedRegex(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$")]
    private static partial Regex ReferenceFormat();

    [Fact]
    public void A_hash_is_a_phc_string_with_the_reference_parameters() =>
        Assert.Matches(ReferenceFormat(), _hasher.Hash("correct horse"));

    [Fact]
    public void Each_hash_has_its_own_salt() =>
        Assert.NotEqual(_hasher.Hash("correct horse"), _hasher.Hash("correct horse"));

    [Theory]
    [InlineData("correct horse")]
    [InlineData("密码密")]
    [InlineData("")]
    public void The_password_verifies_against_its_hash(string password) =>
        Assert.True(_hasher.Verify(_hasher.Hash(password), password));

    [Theory]
    [InlineData("correct horsE")]
    [InlineData("correct horse ")]
    [InlineData("")]
    public void Another_password_does_not(string other) =>
        Assert.False(_hasher.Verify(_hasher.Hash("correct horse"), other));
}
