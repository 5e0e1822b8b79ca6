using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>A motion window of a camera closed (published as <c>stream_motion_stopped</c>).</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="StartedAt">The <see cref="MotionStarted.At"/> of the window it closes.</param>
/// <param name="At">When the motion ended; not before <paramref name="StartedAt"/>.</param>
/// <param name="Reason">How it was closed.</param>
[JournalType("motion.stopped.v1")]
public sealed record MotionStopped(CameraId CameraId, DateTimeOffset StartedAt, DateTimeOffset At, MotionStopReason Reason) : ICameraEvent
{
    public DateTimeOffset At { get; init; } = At >= StartedAt ? At : throw new ArgumentException("Motion cannot stop before it starts.", nameof(At));
}
