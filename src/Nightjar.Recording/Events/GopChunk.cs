namespace Nightjar.Recording.Events;

/// <summary>One GOP of a segment as a byte range with its time: the unit of HLS delivery (a "chunk").</summary>
/// <param name="Offset">First byte in the file.</param>
/// <param name="Length">Bytes up to the next GOP (or the end of the file).</param>
/// <param name="Start">Time from the segment's start to this GOP.</param>
/// <param name="Duration">Time up to the next GOP (or the segment's end); the HLS <c>EXTINF</c>.</param>
public readonly record struct GopChunk(long Offset, long Length, TimeSpan Start, TimeSpan Duration);
