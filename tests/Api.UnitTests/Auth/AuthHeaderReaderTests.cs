using Conclave.Api.Auth;
using Conclave.Api.Configuration;
using Conclave.Api.Errors;
using Conclave.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Conclave.Api.UnitTests.Auth;

// CLARIFICATIONS §4.1-§4.3 and checklist 24-32.
public sealed class AuthHeaderReaderTests
{
    private static readonly AuthHeaderReader Standard = new(new ServerConfig());
    private static readonly AuthHeaderReader Custom = new(new ServerConfig { AuthHeader = "X-Conclave-Token" });

    [Theory]
    [InlineData("Bearer abc123", "abc123")]
    [InlineData("Bearer  abc123", " abc123")]      // two spaces: the token gains one (then 202 at lookup)
    [InlineData("Bearer ABC123", "ABC123")]        // passed on verbatim: tokens are case-sensitive
    [InlineData("Bearer ", "")]                    // if the HTTP layer kept the space: an empty token (202)
    [InlineData("Bearer a b\tc", "a b\tc")]        // tab counts as visible
    [InlineData("Bearer Bearer x", "Bearer x")]
    public void Standard_mode_takes_everything_after_the_first_bearer_prefix(string value, string token) =>
        Assert.Equal(token, Standard.ReadToken(Headers(("Authorization", value))));

    [Fact]
    public void The_header_name_is_matched_in_any_case() =>
        Assert.Equal("t", Standard.ReadToken(Headers(("authorization", "Bearer t"))));

    [Fact]
    public void A_missing_header_is_code_200_naming_the_configured_spelling() =>
        AssertRefused(() => Standard.ReadToken(Headers()), ErrorCode.AuthHeaderMissing, "missing Authorization header");

    [Theory]
    [InlineData("Bearer tök")]                     // non-ASCII
    [InlineData("Bearer tok\u0001")]               // control characters other than tab
    [InlineData("Bearer tok\u007f")]
    [InlineData("Bearer\u00a0tok")]
    public void A_value_with_bytes_that_are_not_visible_ascii_counts_as_missing(string value) =>
        AssertRefused(() => Standard.ReadToken(Headers(("Authorization", value))), ErrorCode.AuthHeaderMissing, "missing Authorization header");

    [Theory]
    [InlineData("bearer abc")]
    [InlineData("BEARER abc")]
    [InlineData("Bearerabc")]
    [InlineData("Bearer")]
    [InlineData("Token abc")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(" Bearer abc")]
    [InlineData("Bearer\tabc")]
    public void Anything_not_starting_with_exactly_bearer_space_is_code_201(string value) =>
        AssertRefused(() => Standard.ReadToken(Headers(("Authorization", value))), ErrorCode.AuthHeaderInvalid, "invalid Authorization header format");

    [Fact]
    public void Only_the_first_of_a_repeated_header_counts()
    {
        Assert.Equal("first", Standard.ReadToken(Headers(("Authorization", "Bearer first"), ("Authorization", "Bearer second"))));
        AssertRefused(() => Standard.ReadToken(Headers(("Authorization", "Basic x"), ("Authorization", "Bearer second"))),
            ErrorCode.AuthHeaderInvalid, "invalid Authorization header format");
    }

    [Fact]
    public void Standard_mode_is_chosen_by_the_name_in_any_case_and_the_missing_message_keeps_its_spelling()
    {
        var upper = new AuthHeaderReader(new ServerConfig { AuthHeader = "AUTHORIZATION" });

        Assert.Equal("t", upper.ReadToken(Headers(("Authorization", "Bearer t"))));
        AssertRefused(() => upper.ReadToken(Headers()), ErrorCode.AuthHeaderMissing, "missing AUTHORIZATION header");
        AssertRefused(() => upper.ReadToken(Headers(("Authorization", "t"))), ErrorCode.AuthHeaderInvalid, "invalid Authorization header format");
    }

    [Theory]
    [InlineData("abc123", "abc123")]
    [InlineData("Bearer abc123", "Bearer abc123")]  // no prefix is stripped (then 202 at lookup)
    [InlineData("", "")]
    public void Custom_mode_takes_the_whole_value_as_the_token(string value, string token) =>
        Assert.Equal(token, Custom.ReadToken(Headers(("x-conclave-token", value))));

    [Fact]
    public void Custom_mode_ignores_the_authorization_header() =>
        AssertRefused(() => Custom.ReadToken(Headers(("Authorization", "Bearer abc123"))), ErrorCode.AuthHeaderMissing,
            "missing X-Conclave-Token header");

    [Fact]
    public void Custom_mode_treats_non_visible_ascii_as_missing_too() =>
        AssertRefused(() => Custom.ReadToken(Headers(("X-Conclave-Token", "tök"))), ErrorCode.AuthHeaderMissing,
            "missing X-Conclave-Token header");

    private static void AssertRefused(Func<string> read, ErrorCode code, string message)
    {
        var refusal = Assert.Throws<ApiException>(() => read());
        Assert.Equal((StatusCodes.Status401Unauthorized, code, message), (refusal.Status, refusal.Code, refusal.Message));
    }

    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var group in headers.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase))
            dictionary[group.Key] = new StringValues(group.Select(h => h.Value).ToArray());
        return dictionary;
    }
}
