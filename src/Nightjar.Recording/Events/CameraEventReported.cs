using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>
/// A device reported an event of its own (published as <c>camera_event</c>): motion, line crossing, intrusion,
/// tampering... One event per state change: a device repeating <c>active</c> every second is one event.
/// </summary>
/// <param name="CameraId">The camera (an NVR channel maps to one camera).</param>
/// <param name="Type">The device's event type as it names it (<c>VMD</c>, <c>linedetection</c>, <c>fielddetection</c>...).</param>
/// <param name="State">Active or inactive (pulse for events without a state).</param>
/// <param name="At">Device time of the event when it sent one, otherwise arrival time.</param>
/// <param name="Source">The event source kind (<c>hikvision</c>).</param>
/// <param name="Region">Region or rule id on the device, when given.</param>
/// <param name="Target">Detection target (<c>human</c>, <c>vehicle</c>), when given.</param>
/// <param name="Channel">Device channel, when given (NVRs).</param>
/// <param name="IsMotion">Whether the type counts as motion (opens and closes motion windows); lets the signal pipeline recover which active events hold a window open.</param>
[JournalType("camera.event.v1")]
public sealed record CameraEventReported(
    CameraId CameraId,
    string Type,
    AlarmState State,
    DateTimeOffset At,
    string Source,
    string? Region = null,
    string? Target = null,
    int? Channel = null,
    bool IsMotion = false) : ICameraEvent;
