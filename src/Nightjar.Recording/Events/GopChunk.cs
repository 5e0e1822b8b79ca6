namespace Nightjar.Recording.Events;

/// <summary>One GOP of a segment as a byte range with its time: the unit of HLS delivery (a "chunk").</summary>
/// <param name="Offset">First byte in the file.</param>
/// <param name="Length">Bytes up to the next GOP (or the end of the file).</param>
/// <param name="ClockStart">90 kHz units from the segment's first keyframe to this GOP's keyframe.</param>
/// <param name="ClockDuration">90 kHz units up to the next GOP (or the end of the segment); the HLS <c>EXTINF</c>.</param>
public readonly record struct GopChunk(long Offset, long Length, long ClockStart, long ClockDuration)
{
    public TimeSpan Start => GopEntry.ToTimeSpan(ClockStart);

    public TimeSpan Duration => GopEntry.ToTimeSpan(ClockDuration);
}
