using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime;

/// <summary>
/// Which cameras this node records. On a single node it owns every camera; in a cluster the placement decides, and the
/// engine records only the enabled cameras it owns. Handoff is break-before-make: when a camera is no longer owned its
/// recorder stops (its last file journaled) before <see cref="RecordingEngine.IsRunning"/> turns false.
/// </summary>
/// <remarks>
/// <see cref="Owns"/> is called from the engine's actors at any time and must be thread-safe and quick (no I/O).
/// Raise <see cref="Changed"/> after the answer of <see cref="Owns"/> changed, from any thread.
/// </remarks>
public interface ICameraOwnership
{
    /// <summary>True when this node should record <paramref name="camera"/> (if it is enabled).</summary>
    bool Owns(CameraId camera);

    /// <summary>The set of owned cameras changed: the engine reconciles (starts and stops recorders).</summary>
    event Action? Changed;
}
