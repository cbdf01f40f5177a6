using System.Diagnostics;
using System.Net.Http.Headers;
using Conclave.Api;
using Conclave.V1;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Benchmarks.Retention;

/// <summary>One logged-in user speaking the spec's HTTP/protobuf surface over a keep-alive connection.</summary>
internal sealed class BenchClient(HttpClient http, string token, Guid userId)
{
    private static readonly byte[] Ciphertext = new byte[1024];

    public Guid UserId { get; } = userId;

    public static async Task<BenchClient> ConnectAsync(WebApplication app)
    {
        var port = app.Services.GetRequiredService<Listeners>().Main!.IPEndPoint!.Port;
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await PostAsync<RegisterResponse>(http, "/api/v1/register", new RegisterRequest { Username = "bench", Password = "benchmark-password" }, null);
        var login = await PostAsync<LoginResponse>(http, "/api/v1/login", new LoginRequest { Username = "bench", Password = "benchmark-password" }, null);
        return new BenchClient(http, login.Token, new Guid(login.UserId.Span, bigEndian: true));
    }

    public async Task<Guid> CreateGroupAsync(string name)
    {
        var created = await PostAsync<CreateGroupResponse>(http, "/api/v1/groups", new CreateGroupRequest { GroupName = name }, token);
        return new Guid(created.GroupId.Span, bigEndian: true);
    }

    public async Task<List<double>> SendManyAsync(Guid group, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++) latencies.Add(await SendOnceAsync(group));
        return latencies;
    }

    public async Task<List<double>> SendManyWhileAsync(Guid group, Func<bool> condition)
    {
        var latencies = new List<double>();
        while (condition()) latencies.Add(await SendOnceAsync(group));
        return latencies;
    }

    private async Task<double> SendOnceAsync(Guid group)
    {
        var started = Stopwatch.GetTimestamp();
        await PostAsync<SendMessageResponse>(http, $"/api/v1/groups/{group}/messages",
            new SendMessageRequest { MlsMessage = ByteString.CopyFrom(Ciphertext) }, token);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<T> PostAsync<T>(HttpClient http, string path, IMessage body, string? token) where T : IMessage<T>, new()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body.ToByteArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {ErrorResponse.Parser.ParseFrom(bytes)}");
        return new MessageParser<T>(() => new T()).ParseFrom(bytes);
    }
}
