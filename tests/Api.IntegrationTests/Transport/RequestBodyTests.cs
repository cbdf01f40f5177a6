using System.Net;
using System.Net.Http.Headers;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Transport;

// CLARIFICATIONS §2.5, §2.6, C12 and checklist 4, 5, 9, 13-16.
public sealed class RequestBodyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData("application/x-protobuf")]
    [InlineData("application/xml; charset=utf-8")]
    public async Task The_content_type_is_ignored(string? contentType)
    {
        var alice = await Server.Spec.NewUserAsync();
        var content = new ByteArrayContent(new LoginRequest { Username = alice.Username, Password = "password123" }.ToByteArray());
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

        using var response = await Server.Http.PostAsync("/api/v1/login", content);

        Assert.Equal(alice.Username, (await SpecClient.ReadAsync<LoginResponse>(response)).Username);
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_empty_body_decodes_as_the_all_defaults_message()
    {
        using var register = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/register", rawBody: []);

        await SpecClient.AssertErrorAsync(register, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "username and password are required");
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x05, 0x61 })]                    // length beyond the end
    [InlineData(new byte[] { 0x0A })]                                // tag without a length
    [InlineData(new byte[] { 0x08, 0x01 })]                          // username (string) sent as a varint
    [InlineData(new byte[] { 0x02, 0x00 })]                          // field number 0
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 0x0A, 0x03, 0x61, 0xFF, 0x62 })]        // invalid UTF-8 in username
    [InlineData(new byte[] { 0x12, 0x02, 0xC0, 0x80 })]              // overlong encoding in password
    public async Task An_undecodable_body_is_400_invalid_request_body(byte[] body)
    {
        using var response = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/login", rawBody: body);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "invalid request body");
    }

    [Fact]
    public async Task Decoding_comes_after_authentication()
    {
        using var response = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/change-password", rawBody: [0x0A, 0x05]);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        var alice = await Server.Spec.NewUserAsync();
        var request = new LoginRequest { Username = alice.Username, Password = "password123" }.ToByteArray();
        byte[] unknown = [0xF8, 0x06, 0x2A, 0xA2, 0x06, 0x02, 0xFF, 0xFE]; // field 111 varint 42, field 100 two non-UTF-8 bytes

        using var response = await Server.Spec.SendAsync(HttpMethod.Post, "/api/v1/login", rawBody: [.. unknown, .. request]);

        Assert.Equal(alice.Username, (await SpecClient.ReadAsync<LoginResponse>(response)).Username);
    }

    [Fact]
    public async Task Empty_success_messages_still_carry_the_protobuf_content_type()
    {
        var alice = await Server.Spec.NewUserAsync();

        await AccountCalls.AssertEmptyProtobufAsync(await Server.Spec.UpdateProfileAsync(alice.Token, "x"));
        await AccountCalls.AssertEmptyProtobufAsync(await Server.Spec.PostAsync("/api/v1/reset-account", token: alice.Token));
    }
}
