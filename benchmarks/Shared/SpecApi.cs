using System.Net;
using System.Net.Http.Headers;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Benchmarks.Shared;

/// <summary>The public HTTP/protobuf API, spoken as the reference client speaks it.</summary>
public sealed class SpecApi(HttpClient http)
{
    public sealed record Account(ByteString UserId, string Token);

    /// <summary>Registers and logs in <paramref name="count"/> fresh users, a few at a time (each costs two Argon2id runs).</summary>
    public async Task<List<Account>> NewAccountsAsync(int count, string prefix)
    {
        var accounts = new Account[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var username = $"{prefix}{i}";
            var registered = await SendAsync<RegisterResponse>(HttpMethod.Post, "/api/v1/register",
                new RegisterRequest { Username = username, Password = "benchmark-password" }, null, HttpStatusCode.Created);
            var login = await SendAsync<LoginResponse>(HttpMethod.Post, "/api/v1/login",
                new LoginRequest { Username = username, Password = "benchmark-password" }, null);
            accounts[i] = new Account(registered.UserId, login.Token);
        });
        return [.. accounts];
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, IMessage? body, string? token, HttpStatusCode expected = HttpStatusCode.OK)
        where T : IMessage<T>, new()
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body.ToByteArray());
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        }
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != expected)
            throw new UnavailableException($"{method} {path} answered {(int)response.StatusCode} {Describe(bytes)}");
        return new MessageParser<T>(() => new T()).ParseFrom(bytes);
    }

    private static string Describe(byte[] bytes)
    {
        try { return ErrorResponse.Parser.ParseFrom(bytes).ToString(); }
        catch (InvalidProtocolBufferException) { return $"({bytes.Length} bytes)"; }
    }
}

/// <summary>The server refused a step: in this build the route may not exist yet.</summary>
public sealed class UnavailableException(string message) : Exception(message);
