using System.Collections.Concurrent;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime.Archive;

/// <summary>The latest <see cref="StreamSnapshot"/> of every running stream; written by stream actors, read by anyone.</summary>
internal sealed class StreamSnapshots
{
    private readonly ConcurrentDictionary<StreamKey, StreamSnapshot> _snapshots = new();

    public IEnumerable<StreamSnapshot> All => _snapshots.Values;

    public void Publish(StreamSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshots[new StreamKey(snapshot.Camera, snapshot.Stream)] = snapshot;
    }

    public StreamSnapshot? Find(CameraId camera, string stream) =>
        _snapshots.GetValueOrDefault(new StreamKey(camera, stream));

    public void Remove(StreamKey key) => _snapshots.TryRemove(key, out _);
}
