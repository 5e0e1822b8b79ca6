using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>Ingest of a stream started a new run (one ffmpeg process, or one native session).</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="Stream">The stream's name (<c>main</c>).</param>
/// <param name="RunId">Unique per start (a ULID, media.md 7.4); names the run directory and ties segments to the run.</param>
/// <param name="At">When ingest started.</param>
[JournalType("stream.started.v1")]
public sealed record StreamStarted(CameraId CameraId, string Stream, string RunId, DateTimeOffset At) : ICameraEvent
{
    public string Stream { get; init => field = CameraEvents.EnsureStreamName(value); } = CameraEvents.EnsureStreamName(Stream);

    public string RunId { get; init => field = CameraEvents.EnsureRunId(value); } = CameraEvents.EnsureRunId(RunId);
}
