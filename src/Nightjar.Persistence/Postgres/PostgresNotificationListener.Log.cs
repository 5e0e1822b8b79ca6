using Microsoft.Extensions.Logging;

namespace Nightjar.Persistence.Postgres;

internal sealed partial class PostgresNotificationListener
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2130, Level = LogLevel.Debug, Message = "Listening for journal commits on channel {Channel}")]
        public static partial void Listening(ILogger logger, string channel);

        [LoggerMessage(EventId = 2131, Level = LogLevel.Warning, Message = "Journal LISTEN connection failed; feeds fall back to polling, retrying in {Backoff}")]
        public static partial void ListenFailed(ILogger logger, TimeSpan backoff, Exception exception);
    }
}
