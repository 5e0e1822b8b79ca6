using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Signals;

/// <summary>
/// One raw report about a camera, before deduplication: an alarm API call, a CamTrace trigger, or one part of a
/// device's event stream. The signal pipeline (<see cref="ICameraSignalSink"/>) turns a sequence of these into
/// journal events: <see cref="CameraAlarm"/> or <see cref="CameraEventReported"/> once per state change, and
/// <see cref="MotionStarted"/>/<see cref="MotionStopped"/> for motion-like types.
/// </summary>
/// <param name="CameraId">The camera it is about (a device channel already mapped to its camera).</param>
/// <param name="Source">Who reports: <c>api</c>, <c>trigger</c>, <c>hikvision</c>.</param>
/// <param name="Type">The type as the source names it (<c>motion</c>, <c>VMD</c>, <c>linedetection</c>...).</param>
/// <param name="State">Active, inactive or a momentary pulse.</param>
/// <param name="At">Source time when the source gave one, otherwise arrival time.</param>
/// <param name="IsMotion">Whether this type opens and closes motion windows for retention.</param>
/// <param name="Region">Region or rule id, when the source gives one.</param>
/// <param name="Target">Detection target (<c>human</c>, <c>vehicle</c>), when given.</param>
/// <param name="Channel">Device channel, when given.</param>
public sealed record CameraSignal(
    CameraId CameraId,
    string Source,
    string Type,
    AlarmState State,
    DateTimeOffset At,
    bool IsMotion,
    string? Region = null,
    string? Target = null,
    int? Channel = null);
