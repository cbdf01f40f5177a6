using System.Buffers;

namespace Conclave.Benchmarks.Floor;

internal static class BodyReader
{
    public static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        while (true)
        {
            var read = await request.BodyReader.ReadAsync();
            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                request.BodyReader.AdvanceTo(read.Buffer.End);
                return body;
            }
            request.BodyReader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
