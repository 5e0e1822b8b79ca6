using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime;

/// <summary>
/// Whether a node was the recording authority for a camera at a given moment: the ownership history a cluster keeps.
/// Start-up recovery asks it for the files a killed node left behind after the camera moved on, so that what the node
/// recorded while it owned the camera reaches the index and what it recorded afterwards (an orphan) does not.
/// </summary>
/// <remarks>Called only during start-up recovery, off the actors: it may do I/O.</remarks>
public interface ISegmentAuthority
{
    /// <summary>True when <paramref name="nodeId"/> owned <paramref name="camera"/> at <paramref name="at"/> (interval start inclusive, end exclusive).</summary>
    Task<bool> OwnedAtAsync(CameraId camera, string nodeId, DateTimeOffset at, CancellationToken ct);
}
