using System.Text;

namespace Conclave.Api.UnitTests.Observability;

/// <summary>A standard output that keeps each write, or fails every write.</summary>
internal sealed class RecordingStream : Stream
{
    private readonly List<string> _writes = [];

    public bool Fails { get; init; }

    public int Writes { get { lock (_writes) return _writes.Count; } }

    public IEnumerable<int> LinesPerWrite { get { lock (_writes) return _writes.Select(w => w.Count(c => c == '\n')).ToList(); } }

    public IReadOnlyList<string> Lines() { lock (_writes) return string.Concat(_writes).Split('\n', StringSplitOptions.RemoveEmptyEntries); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Fails) throw new IOException("broken pipe");
        lock (_writes) _writes.Add(Encoding.UTF8.GetString(buffer));
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
