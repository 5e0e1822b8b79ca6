using Nightjar.Media.Hls;

namespace Nightjar.Recording.Runtime;

/// <summary>A snapshot of a stream's live HLS window; chunks carry stable media and discontinuity sequence numbers.</summary>
public sealed record LiveWindow(IReadOnlyList<HlsLiveChunk> Chunks, int TargetDurationSeconds);
