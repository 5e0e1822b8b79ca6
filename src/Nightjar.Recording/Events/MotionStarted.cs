using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>
/// Motion began on a camera (published as <c>stream_motion_started</c>). Retention protects
/// <c>[At - preAlarm, end + postAlarm]</c> for the camera's motion depth once the matching <see cref="MotionStopped"/> closes it.
/// </summary>
/// <param name="CameraId">The camera.</param>
/// <param name="At">When the motion began (device time when the device said, otherwise arrival time).</param>
/// <param name="Source">Who reported it: <c>api</c>, <c>trigger</c>, <c>hikvision</c>.</param>
/// <param name="Type">The reported type (<c>motion</c>, <c>VMD</c>, <c>linedetection</c>...).</param>
[JournalType("motion.started.v1")]
public sealed record MotionStarted(CameraId CameraId, DateTimeOffset At, string Source, string Type) : ICameraEvent;
