namespace Nightjar.Persistence.Sqlite;

/// <summary>SQLite has no timestamp type: times are stored as microseconds since the Unix epoch (PostgreSQL's precision).</summary>
internal static class SqliteTime
{
    public static long ToMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
}
