using System.Text.Json;
using Conclave.Api.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Conclave.Api.UnitTests.Observability;

// The batched console logger writes what the console logger would: the format its options name (simple by default),
// from the console's own formatters.
public sealed class BatchedConsoleLoggerProviderTests
{
    [Fact]
    public void Writes_the_simple_format_when_no_format_is_named()
    {
        var output = Log(logging => logging.AddConsole(), logger => logger.LogWarning("disk {Free} MB", 12));

        Assert.Equal(["warn: Test.Category[0]", "      disk 12 MB"], output.Lines());
    }

    [Fact]
    public void Writes_the_named_format_one_json_object_per_line()
    {
        var output = Log(logging => logging.AddJsonConsole(), logger =>
        {
            logger.LogInformation("first {Number}", 1);
            logger.LogInformation("second {Number}", 2);
        });

        var lines = output.Lines().Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["first 1", "second 2"], lines.Select(line => line.GetProperty("Message").GetString()));
        Assert.All(lines, line => Assert.Equal("Test.Category", line.GetProperty("Category").GetString()));
    }

    private static RecordingStream Log(Action<ILoggingBuilder> console, Action<ILogger> log)
    {
        using var services = new ServiceCollection().AddLogging(console).BuildServiceProvider();
        var output = new RecordingStream();
        using (var provider = new BatchedConsoleLoggerProvider(services.GetRequiredService<IOptions<ConsoleLoggerOptions>>(),
            services.GetServices<ConsoleFormatter>(), output, TimeSpan.FromSeconds(30)))
        {
            log(provider.CreateLogger("Test.Category"));
        }
        return output;
    }
}
