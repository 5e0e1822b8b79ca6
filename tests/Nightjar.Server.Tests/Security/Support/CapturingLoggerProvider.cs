using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nightjar.Server.Tests.Security.Support;

/// <summary>Keeps every log entry of a host at every level, so a test can prove a secret never reached any log.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>Every message, structured value and exception, as one text to search.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            entries.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
