using Conclave.Infrastructure.Security;

namespace Conclave.Infrastructure.Tests.Security;

// CLARIFICATIONS §4.4: 32 random bytes as 64 lower-case hex characters; stored as the lower-case hex SHA-256 of them.
public sealed class SessionTokensTests
{
    private readonly SessionTokens _tokens = new();

    [Fact]
    public void A_token_is_64_lower_case_hex_characters() =>
        Assert.Matches("^[0-9a-f]{64}$", _tokens.NewToken());

    [Fact]
    public void Tokens_are_random() =>
        Assert.Equal(100, Enumerable.Range(0, 100).Select(_ => _tokens.NewToken()).Distinct().Count());

    [Fact]
    public void The_hash_is_the_lower_case_hex_sha256_of_the_text() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", _tokens.Hash("abc"));

    [Fact]
    public void The_hash_distinguishes_letter_case() =>
        Assert.NotEqual(_tokens.Hash("abcdef"), _tokens.Hash("ABCDEF"));
}
