namespace Nightjar.Persistence.Catalog;

/// <summary>
/// Catalog times are stored as microseconds since the Unix epoch, UTC, on both engines. Finer ticks are dropped
/// toward the past (floor), so a stored start never moves later than the frame it names and ordering is kept.
/// </summary>
internal static class CatalogTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static long ToMicroseconds(DateTimeOffset value) =>
        Math.DivRem(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, TicksPerMicrosecond) switch
        {
            (var quotient, < 0) => quotient - 1,
            (var quotient, _) => quotient,
        };

    public static long ToMicroseconds(TimeSpan value) => value.Ticks / TicksPerMicrosecond;

    /// <summary>Always with a zero offset (UTC).</summary>
    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TicksPerMicrosecond), TimeSpan.Zero);
}
