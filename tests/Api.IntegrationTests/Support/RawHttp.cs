using System.Net.Sockets;
using System.Text;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient will not send: header values with arbitrary bytes, a header
/// repeated on separate lines, a trailing space kept on the wire.
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri server, string method, string path, IEnumerable<(string Name, byte[] Value)> headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes($"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\nContent-Length: 0\r\n"));
        foreach (var (name, value) in headers)
        {
            request.Write(Encoding.ASCII.GetBytes(name + ": "));
            request.Write(value);
            request.Write("\r\n"u8);
        }
        request.Write("\r\n"u8);
        await stream.WriteAsync(request.ToArray());
        var response = new MemoryStream();
        await stream.CopyToAsync(response);
        return RawResponse.Parse(response.ToArray());
    }
}

public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static RawResponse Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = bytes.AsSpan(end + 4).ToArray();
        return new RawResponse(status, headers, headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding == "chunked" ? Unchunk(body) : body);
    }

    private static byte[] Unchunk(byte[] body)
    {
        var result = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8) + position;
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, position, lineEnd - position), 16);
            if (size == 0) return result.ToArray();
            result.Write(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
