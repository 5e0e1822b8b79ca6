namespace Nightjar.Media.Hls;

/// <summary>What a URI callback gets to name a chunk (or, with byte ranges, the file holding it).</summary>
/// <param name="SegmentKey">The <see cref="HlsSegment.Key"/> of the file.</param>
/// <param name="RunId">The run that wrote the file.</param>
/// <param name="Offset">Byte offset of the chunk in the file.</param>
/// <param name="Length">Length of the chunk in bytes.</param>
/// <param name="Start">Wall-clock start of the chunk.</param>
public readonly record struct HlsChunkRef(string SegmentKey, string RunId, long Offset, long Length, DateTimeOffset Start);
