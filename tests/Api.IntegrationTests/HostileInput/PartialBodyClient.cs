using System.Net.Sockets;
using System.Text;
using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>HTTP/1.1 over a bare socket that sends a body slowly or stops short of its Content-Length.</summary>
public static class PartialBodyClient
{
    /// <summary>
    /// Announces <paramref name="contentLength"/> bytes, sends <paramref name="body"/> one chunk per
    /// <paramref name="pause"/> (the rest at once when <paramref name="hurry"/> has completed), then (if short) closes
    /// its sending side. Returns the response, or null if the server closed the connection without one.
    /// </summary>
    public static async Task<RawResponse?> SendAsync(Uri server, string method, string path, string token, byte[] body,
        int contentLength, int chunk, TimeSpan pause, CancellationToken cancellationToken, Task? hurry = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        var head = $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\n" +
                   $"Content-Type: application/x-protobuf\r\nContent-Length: {contentLength}\r\nConnection: close\r\n\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
            for (var offset = 0; offset < body.Length; offset += chunk)
            {
                if (hurry is { IsCompleted: true }) chunk = body.Length - offset;
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunk, body.Length - offset)), cancellationToken);
                if (pause > TimeSpan.Zero) await Task.Delay(pause, cancellationToken);
            }
            if (body.Length < contentLength) client.Client.Shutdown(SocketShutdown.Send);
            var response = new MemoryStream();
            await stream.CopyToAsync(response, cancellationToken);
            return response.Length == 0 ? null : RawResponse.Parse(response.ToArray());
        }
        catch (IOException)
        {
            return null; // reset by the server: it gave up on the request, which is allowed
        }
    }
}
