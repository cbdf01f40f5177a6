using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Transport;

// CLARIFICATIONS §2.3, decision 7 and checklist 17-19: path UUIDs in four forms; anything else is a 400 ErrorResponse,
// decided after authentication. (Query parsing is pinned by Api.UnitTests Http/RequestBinderTests until a query
// route exists on this branch.)
public sealed class PathAndQueryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Theory]
    [InlineData("N")]                    // 32 hex digits
    [InlineData("D")]                    // hyphenated
    [InlineData("D-upper")]
    [InlineData("B")]                    // braced
    [InlineData("B-encoded")]            // braces percent-encoded
    [InlineData("urn")]
    public async Task Every_accepted_form_finds_the_user(string form)
    {
        var alice = await Spec.NewUserAsync();
        var id = alice.Guid;
        var text = form switch
        {
            "N" => id.ToString("N"),
            "D" => id.ToString("D"),
            "D-upper" => id.ToString("D").ToUpperInvariant(),
            "B" => id.ToString("B"),
            "B-encoded" => "%7B" + id.ToString("D") + "%7D",
            _ => "urn:uuid:" + id.ToString("D"),
        };

        using var response = await Spec.UserByIdAsync(alice.Token, text);

        Assert.Equal(alice.Id, (await SpecClient.ReadAsync<UserInfoResponse>(response)).UserId);
    }

    [Theory]
    [InlineData("(550e8400-e29b-41d4-a716-446655440000)")]
    [InlineData("%7B0x550e8400,0xe29b,0x41d4,%7B0xa7,0x16,0x44,0x66,0x55,0x44,0x00,0x00%7D%7D")]
    [InlineData("%20550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("550e8400-e29b-41d4-a716-44665544000")]
    [InlineData("550e8400e29b41d4a716446655440000ab")]
    [InlineData("550e84-00e29b-41d4-a716-446655440000")]
    [InlineData("URN:UUID:550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("not-a-uuid")]
    public async Task Any_other_form_is_a_400_error_response(string text)
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.UserByIdAsync(alice.Token, text);

        var error = await SpecClient.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ErrorCode.InputBadRequest, error.ErrorCode);
        Assert.StartsWith("Invalid URL: ", error.Message);
    }

    [Fact]
    public async Task Authentication_is_checked_before_the_path()
    {
        using var missing = await Spec.GetAsync("/api/v1/users/by-id/not-a-uuid");
        using var expired = await Spec.UserByIdAsync(new string('0', 64), "not-a-uuid");

        await SpecClient.AssertErrorAsync(missing, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");
        await SpecClient.AssertErrorAsync(expired, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");
    }
}
