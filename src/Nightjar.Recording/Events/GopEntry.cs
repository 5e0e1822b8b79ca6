namespace Nightjar.Recording.Events;

/// <summary>Where one GOP (a keyframe and what follows it) starts inside a segment file.</summary>
/// <param name="ByteOffset">Offset of the GOP's first TS packet in the file.</param>
/// <param name="TimeOffsetMs">Milliseconds from the segment's start time to the GOP's keyframe.</param>
public readonly record struct GopEntry(long ByteOffset, long TimeOffsetMs);
