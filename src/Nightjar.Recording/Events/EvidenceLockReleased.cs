using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>An operator released an evidence lock before its expiry.</summary>
[JournalType("lock.released.v1")]
public sealed record EvidenceLockReleased(CameraId CameraId, string LockId, string By, DateTimeOffset At) : ICameraEvent;
