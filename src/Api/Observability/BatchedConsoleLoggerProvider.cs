using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Conclave.Api.Observability;

/// <summary>
/// The console logger with the console's own formats (simple, json, systemd: the formatter that ConsoleLoggerOptions
/// names), writing through a <see cref="BatchedLineWriter"/> instead of a line at a time.
/// </summary>
[ProviderAlias("Console")]
internal sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(20);
    private const int QueuedLinesAtMost = 4096;

    private readonly ConsoleFormatter _formatter;
    private readonly BatchedLineWriter _output;
    private IExternalScopeProvider? _scopes;

    public BatchedConsoleLoggerProvider(IOptions<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters)
        : this(options, formatters, Console.OpenStandardOutput(), Gather)
    {
    }

    internal BatchedConsoleLoggerProvider(IOptions<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters, Stream output, TimeSpan gather)
    {
        var name = options.Value.FormatterName ?? ConsoleFormatterNames.Simple;
        _formatter = formatters.FirstOrDefault(f => f.Name == name) ?? throw new InvalidOperationException($"no console log format named '{name}'");
        _output = new BatchedLineWriter(output, gather, QueuedLinesAtMost);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _output.Dispose();

    private sealed class Logger(string category, BatchedConsoleLoggerProvider provider) : ILogger
    {
        [ThreadStatic]
        private static StringWriter? t_line;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = t_line ??= new StringWriter();
            provider._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider._scopes, line);
            var text = line.GetStringBuilder();
            if (text.Length == 0) return;
            provider._output.Enqueue(text);
            text.Clear();
            if (text.Capacity > 1024) text.Capacity = 1024; // one long line (an exception) is not kept per thread
        }
    }
}
