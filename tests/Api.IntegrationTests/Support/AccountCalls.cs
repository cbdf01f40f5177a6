using System.Net;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>The account and user routes, spelled once for the tests that use them.</summary>
public static class AccountCalls
{
    public static Task<HttpResponseMessage> RegisterRawAsync(this SpecClient spec, RegisterRequest request) =>
        spec.PostAsync("/api/v1/register", request);

    public static Task<HttpResponseMessage> LoginRawAsync(this SpecClient spec, string username, string password) =>
        spec.PostAsync("/api/v1/login", new LoginRequest { Username = username, Password = password });

    public static Task<HttpResponseMessage> GetMeRawAsync(this SpecClient spec, string token) => spec.GetAsync("/api/v1/me", token);

    public static async Task<UserInfoResponse> GetMeAsync(this SpecClient spec, string token) =>
        await SpecClient.ReadAsync<UserInfoResponse>(await spec.GetMeRawAsync(token));

    public static Task<HttpResponseMessage> LogoutAsync(this SpecClient spec, string token) => spec.PostAsync("/api/v1/logout", token: token);

    public static Task<HttpResponseMessage> UpdateProfileAsync(this SpecClient spec, string token, string alias) =>
        spec.SendAsync(HttpMethod.Patch, "/api/v1/me", new UpdateProfileRequest { Alias = alias }, token);

    public static Task<HttpResponseMessage> ChangePasswordAsync(this SpecClient spec, string token, string current, string next) =>
        spec.PostAsync("/api/v1/change-password", new ChangePasswordRequest { CurrentPassword = current, NewPassword = next }, token);

    public static Task<HttpResponseMessage> DeleteAccountAsync(this SpecClient spec, string token, string password) =>
        spec.PostAsync("/api/v1/delete-account", new DeleteAccountRequest { Password = password }, token);

    public static Task<HttpResponseMessage> UserByIdAsync(this SpecClient spec, string token, string idText) =>
        spec.GetAsync($"/api/v1/users/by-id/{idText}", token);

    public static Task<HttpResponseMessage> UserByNameAsync(this SpecClient spec, string token, string username) =>
        spec.GetAsync($"/api/v1/users/{username}", token);

    /// <summary>The token no longer authenticates: 401 AUTH_TOKEN_EXPIRED.</summary>
    public static async Task AssertTokenDeadAsync(this SpecClient spec, string token) =>
        await SpecClient.AssertErrorAsync(await spec.GetMeRawAsync(token), HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");

    /// <summary>A 2xx answer whose body is the zero-byte encoding of an empty message, typed as protobuf.</summary>
    public static async Task AssertEmptyProtobufAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}");
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(bytes);
    }

    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..24];

    public static Guid ToGuid(this ByteString id) => new(id.Span, bigEndian: true);
}
