namespace Nightjar.Recording.Events;

/// <summary>Where one GOP (a keyframe and what follows it) starts inside a segment file.</summary>
/// <param name="ByteOffset">Offset of the GOP's first TS packet in the file.</param>
/// <param name="ClockOffset">
/// Presentation time of the GOP's keyframe minus that of the file's first keyframe, in MPEG-TS 90 kHz units
/// (the indexer's own unit, so nothing is rounded on the way into the journal).
/// </param>
public readonly record struct GopEntry(long ByteOffset, long ClockOffset)
{
    /// <summary>MPEG-TS timestamps count in 90 kHz units.</summary>
    public const long ClockRate = 90_000;

    /// <summary><see cref="ClockOffset"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Offset => ToTimeSpan(ClockOffset);

    /// <summary>Converts 90 kHz units to a <see cref="TimeSpan"/> (one unit is 1000/9 ticks).</summary>
    public static TimeSpan ToTimeSpan(long clock) => TimeSpan.FromTicks(clock * 1000 / 9);
}
