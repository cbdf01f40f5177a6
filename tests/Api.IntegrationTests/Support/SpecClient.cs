using System.Net;
using System.Net.Http.Headers;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>Speaks the spec surface as the official clients do: raw protobuf bodies, Bearer tokens.</summary>
public sealed class SpecClient(HttpClient http)
{
    public const string Protobuf = "application/x-protobuf";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, IMessage? body = null, string? token = null, byte[]? rawBody = null)
    {
        // The client's HTTP version (a request message would otherwise ask for 1.1 whatever the client's default).
        using var request = new HttpRequestMessage(method, path) { Version = http.DefaultRequestVersion, VersionPolicy = http.DefaultVersionPolicy };
        var bytes = rawBody ?? body?.ToByteArray();
        if (bytes is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(Protobuf);
        }
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, IMessage? body = null, string? token = null) => SendAsync(HttpMethod.Post, path, body, token);

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, token: token);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) where T : IMessage<T>, new()
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {TryError(bytes)}");
        return new MessageParser<T>(() => new T()).ParseFrom(bytes);
    }

    /// <summary>Asserts the status and decodes the ErrorResponse body.</summary>
    public static async Task<ErrorResponse> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {TryError(bytes)}");
        Assert.Equal(Protobuf, response.Content.Headers.ContentType?.MediaType);
        return ErrorResponse.Parser.ParseFrom(bytes);
    }

    public static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, ErrorCode code, string? message = null)
    {
        var error = await ErrorAsync(response, status);
        Assert.Equal(code, error.ErrorCode);
        if (message is not null) Assert.Equal(message, error.Message);
    }

    public async Task<ByteString> RegisterAsync(string username, string password = "password123", string alias = "")
    {
        var response = await PostAsync("/api/v1/register", new RegisterRequest { Username = username, Password = password, Alias = alias });
        return (await ReadAsync<RegisterResponse>(response, HttpStatusCode.Created)).UserId;
    }

    public async Task<LoginResponse> LoginAsync(string username, string password = "password123") =>
        await ReadAsync<LoginResponse>(await PostAsync("/api/v1/login", new LoginRequest { Username = username, Password = password }));

    /// <summary>A fresh registered and logged-in user with a unique name.</summary>
    public async Task<TestUser> NewUserAsync(string prefix = "user")
    {
        var username = $"{prefix}_{Guid.NewGuid():N}"[..24];
        var id = await RegisterAsync(username);
        var login = await LoginAsync(username);
        return new TestUser(id, username, login.Token);
    }

    private static string TryError(byte[] bytes)
    {
        try { return ErrorResponse.Parser.ParseFrom(bytes).ToString(); }
        catch (InvalidProtocolBufferException) { return $"{bytes.Length} bytes"; }
    }
}

public sealed record TestUser(ByteString Id, string Username, string Token)
{
    public Guid Guid => new(Id.Span, bigEndian: true);
}
