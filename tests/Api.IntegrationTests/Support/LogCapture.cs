using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>
/// Every log line the server writes, at the most verbose level (Trace, every category) for this provider only,
/// so the console stays as quiet as configured. Pass <see cref="Into"/> as TestServer's customize callback.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public IEnumerable<LogEntry> AtLeast(LogLevel level) => _entries.Where(entry => entry.Level >= level);

    public void Into(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(this);
        builder.Logging.AddFilter<LogCapture>(category: null, LogLevel.Trace);
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose() { }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception, state?.ToString() ?? ""));
    }
}

/// <summary>One captured line: its formatted message, the exception it carried, and its raw state (structured values).</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception, string State)
{
    /// <summary>Everything the line would put in a log sink, exception included.</summary>
    public string FullText => $"{Category} {Message} {State} {Exception}";
}
