using Nightjar.Media.Ts;

namespace Nightjar.Media.Hls;

/// <summary>One entry of a live window (see <see cref="LiveChunkWindow"/>).</summary>
/// <param name="Sequence">Media sequence number: stable for this chunk across requests.</param>
/// <param name="DiscontinuitySequence">Discontinuities before and at this chunk.</param>
/// <param name="Discontinuity">The chunk starts a new run or follows a gap.</param>
/// <param name="SegmentKey">The file holding the chunk.</param>
/// <param name="RunId">The run that wrote it.</param>
/// <param name="Start">Wall-clock start.</param>
/// <param name="Chunk">Byte range, PTS and duration.</param>
public sealed record HlsLiveChunk(
    long Sequence,
    long DiscontinuitySequence,
    bool Discontinuity,
    string SegmentKey,
    string RunId,
    DateTimeOffset Start,
    GopEntry Chunk);
