using System.Text;
using Google.Protobuf;

namespace Conclave.Benchmarks.Load;

/// <summary>Raw HTTP/1.1 requests, built once and sent many times.</summary>
internal static class Requests
{
    public static byte[] Post(string path, IMessage? body, string? token) => Build("POST", path, body?.ToByteArray() ?? [], token);

    public static byte[] Post(string path, byte[] body, string? token) => Build("POST", path, body, token);

    public static byte[] Get(string path, string? token) => Build("GET", path, null, token);

    private static byte[] Build(string method, string path, byte[]? body, string? token)
    {
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (token is not null) head.Append($"Authorization: Bearer {token}\r\n");
        if (body is not null) head.Append($"Content-Type: application/x-protobuf\r\nContent-Length: {body.Length}\r\n");
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body ?? []];
    }
}
