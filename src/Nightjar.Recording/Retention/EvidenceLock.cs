using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Retention;

/// <summary>An evidence lock in force or expired, but not released (see <c>EvidenceLockAdded</c>).</summary>
/// <param name="LockId">Its id.</param>
/// <param name="CameraId">The camera.</param>
/// <param name="From">Start of the protected range.</param>
/// <param name="To">End of the protected range.</param>
/// <param name="Until">Expiry; null for indefinitely. A lock past its expiry protects nothing.</param>
/// <param name="Reason">The operator's reason.</param>
/// <param name="By">Who placed it (API key name).</param>
/// <param name="At">When it was placed.</param>
public sealed record EvidenceLock(
    string LockId,
    CameraId CameraId,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset? Until,
    string Reason,
    string By,
    DateTimeOffset At)
{
    /// <summary>Whether the lock protects anything at <paramref name="now"/>.</summary>
    public bool IsInForce(DateTimeOffset now) => Until is null || Until > now;
}
