using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conclave.Benchmarks.Load;

/// <summary>
/// One keep-alive HTTP/1.1 connection over a raw socket: writes a prepared request, reads the whole response
/// (Content-Length or chunked) and returns its status. Nothing is allocated per request but the latency sample.
/// </summary>
internal sealed class Http1Connection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[256 * 1024];
    private int _start;
    private int _end;

    private Http1Connection(Socket socket) => _socket = socket;

    public static async Task<Http1Connection> OpenAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return new Http1Connection(socket);
    }

    public async Task<int> SendAsync(ReadOnlyMemory<byte> request)
    {
        while (!request.IsEmpty) request = request[await _socket.SendAsync(request)..];
        var statusLine = await ReadLineAsync();
        var status = int.Parse(statusLine.AsSpan(9, 3));
        long length = 0;
        var chunked = false;
        while (true)
        {
            var header = await ReadLineAsync();
            if (header.Length == 0) break;
            if (header.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase)) length = long.Parse(header.AsSpan(15).Trim());
            else if (header.StartsWith("transfer-encoding:", StringComparison.OrdinalIgnoreCase) && header.Contains("chunked", StringComparison.OrdinalIgnoreCase)) chunked = true;
        }
        if (!chunked)
        {
            await SkipAsync(length);
            return status;
        }
        while (true)
        {
            var size = Convert.ToInt64((await ReadLineAsync()).Split(';')[0].Trim(), 16);
            await SkipAsync(size);
            await ReadLineAsync();
            if (size == 0) return status;
        }
    }

    private async Task<string> ReadLineAsync()
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (at >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, at);
                _start += at + 2;
                return line;
            }
            await FillAsync();
        }
    }

    private async Task SkipAsync(long count)
    {
        while (count > 0)
        {
            if (_start == _end) await FillAsync();
            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    private async Task FillAsync()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) throw new IOException("response head larger than the buffer");
        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end));
        if (read == 0) throw new IOException("the server closed the connection");
        _end += read;
    }

    public void Dispose() => _socket.Dispose();
}
