using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime.Archive;

/// <summary>
/// What one stream actor publishes for readers (status, live HLS, the archive's open edge): immutable, replaced as a
/// whole, versioned. Readers take it without asking the actor, so the hot path never waits on a mailbox.
/// </summary>
/// <remarks>
/// <see cref="Version"/> grows by one with every publication of the same actor instance. <see cref="Live"/> is the
/// live window, oldest first; <see cref="LiveTargetDuration"/> the longest GOP seen in whole seconds (at least the
/// configured minimum). <see cref="OpenKey"/> names the file ffmpeg is writing (it may not have a keyframe yet): the
/// one file that is not closed; <see cref="Open"/> is that file once its first keyframe is seen.
/// <see cref="RecentClosed"/> holds the newest closed files, oldest first, so a file is never invisible while the
/// catalog catches up.
/// </remarks>
internal sealed record StreamSnapshot(
    CameraId Camera,
    string Stream,
    long Version,
    StreamState State,
    DateTimeOffset Since,
    double? BitrateKbps,
    int Restarts,
    string? LastError,
    string? RunId,
    DateTimeOffset? LastSegmentAt,
    IReadOnlyList<HlsLiveChunk> Live,
    int LiveTargetDuration,
    string? OpenKey,
    SegmentView? Open,
    IReadOnlyList<SegmentView> RecentClosed)
{
    public StreamStatus ToStatus() => new(Stream, State, BitrateKbps, LastSegmentAt, Restarts, LastError, RunId, Since);
}
