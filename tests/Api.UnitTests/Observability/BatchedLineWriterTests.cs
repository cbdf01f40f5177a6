using System.Text;
using Conclave.Api.Observability;

namespace Conclave.Api.UnitTests.Observability;

// Log lines reach the output in order, many per write, all of them by Dispose; a full queue holds the caller back
// instead of growing; an output that fails stops the logging, never the caller. The gather time is long here, so
// that what ends a gathering is the queue filling up or Dispose, never the clock.
public sealed class BatchedLineWriterTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public void Lines_queued_together_are_written_in_one_write_and_in_order()
    {
        var output = new RecordingStream();
        using (var writer = new BatchedLineWriter(output, Long, capacity: 10_000))
        {
            for (var i = 0; i < 1000; i++) writer.Enqueue(Line(i));
        }

        Assert.Equal(1, output.Writes);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"line {i}"), output.Lines());
    }

    [Fact]
    public void A_full_queue_makes_the_caller_wait_for_a_write_and_loses_nothing()
    {
        var output = new RecordingStream();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        using (var writer = new BatchedLineWriter(output, Long, capacity: 10))
        {
            for (var i = 0; i < 25; i++) writer.Enqueue(Line(i));
        }

        Assert.True(waited.Elapsed < Long / 2, "a full queue cut the gathering short"); // else it would have waited it out
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"line {i}"), output.Lines());
        Assert.All(output.LinesPerWrite, count => Assert.InRange(count, 1, 10));
    }

    [Fact]
    public void A_line_logged_after_dispose_is_written_at_once()
    {
        var output = new RecordingStream();
        var writer = new BatchedLineWriter(output, Long, capacity: 10);
        writer.Enqueue(Line(1));
        writer.Dispose();

        writer.Enqueue(Line(2));

        Assert.Equal(["line 1", "line 2"], output.Lines());
    }

    [Fact]
    public void When_the_output_fails_logging_stops_and_callers_go_on()
    {
        var output = new RecordingStream { Fails = true };
        using var writer = new BatchedLineWriter(output, TimeSpan.Zero, capacity: 2);

        for (var i = 0; i < 100; i++) writer.Enqueue(Line(i)); // past capacity, with nothing written: must not block

        writer.Dispose();
        Assert.Empty(output.Lines());
    }

    private static StringBuilder Line(int i) => new($"line {i}\n");
}
