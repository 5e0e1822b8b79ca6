using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>
/// An operator protected a range of a camera's recordings (an evidence lock): retention keeps every segment
/// overlapping <c>[From, To)</c> until <paramref name="Until"/> (forever when null), deleting it only when the disk
/// would otherwise fill, and then with a storage alarm.
/// </summary>
/// <param name="CameraId">The camera.</param>
/// <param name="LockId">Unique id of the lock (a ULID-like string).</param>
/// <param name="From">Start of the protected range.</param>
/// <param name="To">End of the protected range; after <paramref name="From"/>.</param>
/// <param name="Until">When the lock expires; null for indefinitely.</param>
/// <param name="Reason">The operator's reason, 1 to 500 characters.</param>
/// <param name="By">The API key name that placed it.</param>
/// <param name="At">When it was placed.</param>
[JournalType("lock.added.v1")]
public sealed record EvidenceLockAdded(
    CameraId CameraId,
    string LockId,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset? Until,
    string Reason,
    string By,
    DateTimeOffset At) : ICameraEvent
{
    public DateTimeOffset To { get; init; } = To > From ? To : throw new ArgumentException("A lock must end after it starts.", nameof(To));
}
