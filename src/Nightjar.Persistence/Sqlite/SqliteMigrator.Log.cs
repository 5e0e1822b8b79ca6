using Microsoft.Extensions.Logging;

namespace Nightjar.Persistence.Sqlite;

internal sealed partial class SqliteMigrator
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2140, Level = LogLevel.Information, Message = "Applied {Component} migration {Version} {Name} on SQLite")]
        public static partial void MigrationApplied(ILogger logger, string component, int version, string name);

        [LoggerMessage(EventId = 2141, Level = LogLevel.Debug, Message = "SQLite {Component} schema is up to date at version {Version}")]
        public static partial void SchemaUpToDate(ILogger logger, string component, int version);
    }
}
