using System.Collections.Frozen;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>
/// The cameras whose <see cref="CameraActor"/> has not terminated yet (recording, or stopping and still journaling its
/// last files): written by the camera directory, read by anyone.
/// </summary>
internal sealed class RunningCameras
{
    private FrozenSet<CameraId> _current = FrozenSet<CameraId>.Empty;

    public IReadOnlySet<CameraId> Current => Volatile.Read(ref _current);

    public void Publish(IEnumerable<CameraId> cameras) => Volatile.Write(ref _current, cameras.ToFrozenSet());
}
