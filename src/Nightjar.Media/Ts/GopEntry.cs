namespace Nightjar.Media.Ts;

/// <summary>
/// One GOP (a chunk in HLS terms) of a TS file: the byte range that starts with the PAT and PMT
/// ffmpeg re-emits right before every keyframe (media.md E10) and ends where the next one starts,
/// so the range decodes on its own.
/// </summary>
/// <param name="Offset">Byte offset of the first packet of the GOP in the file.</param>
/// <param name="Length">Length in bytes (a multiple of 188).</param>
/// <param name="Pts">Presentation time of the keyframe in 90 kHz units, unwrapped past 2^33.</param>
/// <param name="Duration">Duration in 90 kHz units.</param>
public readonly record struct GopEntry(long Offset, long Length, long Pts, long Duration)
{
    /// <summary>MPEG-TS timestamps count in 90 kHz units.</summary>
    public const long ClockRate = 90_000;

    /// <summary>The duration as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan DurationTime => FromClock(Duration);

    /// <summary>End of the byte range (exclusive).</summary>
    public long End => Offset + Length;

    /// <summary>Converts 90 kHz units to a <see cref="TimeSpan"/> (one unit is 1000/9 ticks).</summary>
    public static TimeSpan FromClock(long units) => TimeSpan.FromTicks(units * 1000 / 9);
}
