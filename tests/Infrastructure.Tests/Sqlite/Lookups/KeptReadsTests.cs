using Conclave.Infrastructure.Sqlite.Lookups;


namespace Conclave.Infrastructure.Tests.Sqlite.Lookups;

// The kept answers of the access look-ups, against a counting reader: what is read again, and when.
public sealed class KeptReadsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conclave-kept-reads").FullName;
    private readonly AccessEpoch _epoch;
    private readonly Dictionary<string, int> _reads = [];

    public KeptReadsTests() => _epoch = new AccessEpoch(Path.Combine(_folder, "conclave.db"));

    public void Dispose()
    {
        _epoch.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void An_answer_is_read_once_per_epoch()
    {
        var kept = Kept(capacity: 10);

        Assert.Equal("value of a", kept.Read("a"));
        Assert.Equal("value of a", kept.Read("a"));
        Assert.Equal(1, _reads["a"]);

        _epoch.Advance();
        Assert.Equal("value of a", kept.Read("a"));
        Assert.Equal(2, _reads["a"]);
    }

    [Fact]
    public void Absent_answers_are_not_kept()
    {
        var kept = Kept(capacity: 10);

        Assert.Null(kept.Read("missing"));
        Assert.Null(kept.Read("missing"));

        Assert.Equal(2, _reads["missing"]);
    }

    [Fact]
    public void Past_its_capacity_everything_kept_is_dropped()
    {
        var kept = Kept(capacity: 2);
        kept.Read("a");
        kept.Read("b");
        kept.Read("b");
        Assert.Equal(1, _reads["b"]);

        kept.Read("c"); // a third key: a and b go
        kept.Read("b");
        kept.Read("c");

        Assert.Equal(2, _reads["b"]);
        Assert.Equal(1, _reads["c"]);
    }

    // One other process advancing, or two, the second overwriting the first's mark before this one looked.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Other_processes_advances_end_the_kept_answers(int processes)
    {
        var kept = Kept(capacity: 10);
        kept.Read("a");

        for (var i = 0; i < processes; i++)
        {
            using var otherProcess = new AccessEpoch(Path.Combine(_folder, "conclave.db"));
            otherProcess.Advance();
        }
        kept.Read("a");

        Assert.Equal(2, _reads["a"]);
    }

    // A write committed and announced while a read is under way (here: from inside the read) ends that read too: the
    // answer is kept under the epoch from before the read began.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_write_announced_during_a_read_ends_what_that_read_found(bool writerIsAnotherProcess)
    {
        using var otherProcess = new AccessEpoch(Path.Combine(_folder, "conclave.db"));
        var writer = writerIsAnotherProcess ? otherProcess : _epoch;
        var stored = "old";
        var writeDuringRead = true;
        var kept = new KeptReads<string, string?>(_epoch, capacity: 10, _ =>
        {
            var found = stored;
            if (writeDuringRead)
            {
                writeDuringRead = false;
                stored = "new";
                writer.Advance();
            }
            return found;
        });

        Assert.Equal("old", kept.Read("k"));
        Assert.Equal("new", kept.Read("k"));
    }

    private KeptReads<string, string?> Kept(int capacity) => new(_epoch, capacity, key =>
    {
        _reads[key] = _reads.GetValueOrDefault(key) + 1;
        return key == "missing" ? null : $"value of {key}";
    });
}
