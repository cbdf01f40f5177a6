using System.Net;
using System.Text;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Transport;

// CLARIFICATIONS §4.2 over the wire, checklist 24-29 and 34.
public sealed class AuthHeaderTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task A_missing_header_is_code_200()
    {
        using var response = await Server.Spec.GetAsync("/api/v1/me");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");
    }

    [Theory]
    [InlineData("bearer {0}")]
    [InlineData("BEARER {0}")]
    [InlineData("Bearer{0}")]
    [InlineData("Token {0}")]
    [InlineData("{0}")]
    [InlineData("Bearer")]
    public async Task A_value_without_the_exact_bearer_prefix_is_code_201(string format)
    {
        var alice = await Server.Spec.NewUserAsync();

        using var response = await GetMe(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, alice.Token));

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderInvalid, "invalid Authorization header format");
    }

    [Fact]
    public async Task Two_spaces_after_bearer_make_the_token_unknown_code_202()
    {
        var alice = await Server.Spec.NewUserAsync();

        using var response = await GetMe($"Bearer  {alice.Token}");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");
    }

    [Fact]
    public async Task An_upper_cased_token_is_unknown_code_202()
    {
        var alice = await Server.Spec.NewUserAsync();

        using var response = await GetMe($"Bearer {alice.Token.ToUpperInvariant()}");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");
    }

    [Fact]
    public async Task A_made_up_token_is_code_202()
    {
        using var response = await GetMe($"Bearer {new string('a', 64)}");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");
    }

    [Fact]
    public async Task Whitespace_around_the_value_is_stripped_by_the_http_layer()
    {
        var alice = await Server.Spec.NewUserAsync();

        var response = await Raw(("Authorization", $"  Bearer {alice.Token} \t"));

        Assert.Equal(200, response.Status);
        Assert.Equal(alice.Username, UserInfoResponse.Parser.ParseFrom(response.Body).Username);
    }

    [Fact]
    public async Task Bearer_with_only_a_trailing_space_is_refused_as_a_malformed_header()
    {
        var response = await Raw(("Authorization", "Bearer "));

        Assert.Equal(401, response.Status); // the space is stripped, so the server sees "Bearer": 201 (§4.2 allows 202 too)
        Assert.Equal(ErrorCode.AuthHeaderInvalid, ErrorResponse.Parser.ParseFrom(response.Body).ErrorCode);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0xB6 })]      // UTF-8 "ö"
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0x01 })]
    [InlineData(new byte[] { 0x7F })]
    public async Task A_value_with_bytes_that_are_not_visible_ascii_counts_as_missing(byte[] bytes)
    {
        var alice = await Server.Spec.NewUserAsync();

        var response = await Raw(("Authorization", [.. Encoding.ASCII.GetBytes($"Bearer {alice.Token}"), .. bytes]));

        Assert.Equal(401, response.Status);
        var error = ErrorResponse.Parser.ParseFrom(response.Body);
        Assert.Equal((ErrorCode.AuthHeaderMissing, "missing Authorization header"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task Only_the_first_of_a_repeated_header_counts()
    {
        var alice = await Server.Spec.NewUserAsync();

        var firstGood = await Raw(("Authorization", $"Bearer {alice.Token}"), ("Authorization", "Basic xyz"));
        var firstBad = await Raw(("Authorization", "Basic xyz"), ("Authorization", $"Bearer {alice.Token}"));

        Assert.Equal(200, firstGood.Status);
        Assert.Equal(401, firstBad.Status);
        Assert.Equal(ErrorCode.AuthHeaderInvalid, ErrorResponse.Parser.ParseFrom(firstBad.Body).ErrorCode);
    }

    [Fact]
    public async Task Register_and_login_never_look_at_the_auth_header()
    {
        var username = $"hdr_{Guid.NewGuid():N}"[..20];
        using var register = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/register",
            new RegisterRequest { Username = username, Password = "password123" }, token: "garbage");
        using var login = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/login",
            new LoginRequest { Username = username, Password = "password123" }, token: "garbage");

        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    private async Task<HttpResponseMessage> GetMe(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await Server.Http.SendAsync(request);
    }

    private Task<RawResponse> Raw(params (string Name, string Value)[] headers) =>
        Raw(headers.Select(h => (h.Name, Encoding.ASCII.GetBytes(h.Value))).ToArray());

    private Task<RawResponse> Raw(params (string Name, byte[] Value)[] headers) =>
        RawHttp.SendAsync(Server.BaseAddress, "GET", "/api/v1/me", headers);
}
