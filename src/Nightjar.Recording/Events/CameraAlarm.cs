using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>An alarm raised through the alarm API or the CamTrace-style trigger (published as <c>camera_alarm</c>).</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="Type">The caller's alarm type (<c>motion</c>, <c>door</c>, ...), 1 to 64 characters.</param>
/// <param name="State">Active, inactive, or a momentary pulse.</param>
/// <param name="At">When it was raised.</param>
/// <param name="Source">Who raised it: <c>api</c> or <c>trigger</c>.</param>
/// <param name="IsMotion">Whether the type counts as motion (opens and closes motion windows); lets the signal pipeline recover which active alarms hold a window open.</param>
[JournalType("camera.alarm.v1")]
public sealed record CameraAlarm(CameraId CameraId, string Type, AlarmState State, DateTimeOffset At, string Source, bool IsMotion = false) : ICameraEvent;
