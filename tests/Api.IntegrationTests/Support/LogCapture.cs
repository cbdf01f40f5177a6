using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>
/// Keeps the log lines the server writes. <see cref="Into"/> captures what the server's configured levels let through;
/// <see cref="EverythingInto"/> captures every line at Trace for this provider only, so the console stays as quiet as
/// configured. Pass either as TestServer's customize callback.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public IEnumerable<LogEntry> AtLeast(LogLevel level) => _entries.Where(entry => entry.Level >= level);

    public void Into(WebApplicationBuilder builder) => builder.Logging.AddProvider(this);

    public void EverythingInto(WebApplicationBuilder builder)
    {
        Into(builder);
        builder.Logging.AddFilter<LogCapture>(category: null, LogLevel.Trace);
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose() { }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(f => f.Key, f => f.Value);
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception, state?.ToString() ?? "", fields));
        }
    }
}

/// <summary>One captured line: its formatted message, the exception it carried, its raw state and its structured fields.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception, string State, IReadOnlyDictionary<string, object?> Fields)
{
    /// <summary>Everything the line would put in a log sink, exception included.</summary>
    public string FullText => $"{Category} {Message} {State} {Exception}";
}
