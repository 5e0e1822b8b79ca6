using Microsoft.Extensions.Logging;

namespace Nightjar.Persistence.Postgres;

internal sealed partial class PostgresMigrator
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Applied {Component} migration {Version} {Name} on PostgreSQL")]
        public static partial void MigrationApplied(ILogger logger, string component, int version, string name);

        [LoggerMessage(EventId = 2121, Level = LogLevel.Debug, Message = "PostgreSQL {Component} schema is up to date at version {Version}")]
        public static partial void SchemaUpToDate(ILogger logger, string component, int version);
    }
}
