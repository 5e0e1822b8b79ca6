using System.Collections.Immutable;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>
/// The configured cameras as an immutable snapshot, built by applying camera events in journal order: the read
/// model behind the camera list API. <see cref="Version"/> grows by one with every change.
/// </summary>
/// <remarks>
/// Applying is total and never throws: events are facts already persisted, so an add of a known id replaces it,
/// an update of an unknown id adds it, a removal of an unknown id changes nothing (a projection that receives an
/// event twice, or starts mid-stream, stays correct). Definitions keep their protected passwords.
/// </remarks>
public sealed class CameraRegistry
{
    private readonly ImmutableSortedDictionary<CameraId, CameraDefinition> _cameras;

    private CameraRegistry(ImmutableSortedDictionary<CameraId, CameraDefinition> cameras, long version)
    {
        _cameras = cameras;
        Version = version;
    }

    public static CameraRegistry Empty { get; } = new(ImmutableSortedDictionary<CameraId, CameraDefinition>.Empty, 0);

    /// <summary>Number of changes applied since <see cref="Empty"/>.</summary>
    public long Version { get; }

    public int Count => _cameras.Count;

    /// <summary>The cameras ordered by id (ordinal).</summary>
    public IEnumerable<CameraDefinition> Cameras => _cameras.Values;

    /// <summary>Whether a camera with this id exists: the duplicate check of a create.</summary>
    public bool Contains(CameraId id) => _cameras.ContainsKey(id);

    public CameraDefinition? Find(CameraId id) => _cameras.GetValueOrDefault(id);

    /// <summary>The registry after <paramref name="event"/>; the same instance when it is not a camera configuration event or changes nothing.</summary>
    public CameraRegistry Apply(IRecordingEvent @event) => @event switch
    {
        CameraAdded added => Put(added.Camera),
        CameraUpdated updated => Put(updated.Camera),
        CameraRemoved removed when _cameras.ContainsKey(removed.CameraId) => new(_cameras.Remove(removed.CameraId), Version + 1),
        _ => this,
    };

    /// <summary>Applies events in order.</summary>
    public CameraRegistry ApplyAll(IEnumerable<IRecordingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(this, (registry, e) => registry.Apply(e));
    }

    private CameraRegistry Put(CameraDefinition camera) =>
        _cameras.TryGetValue(camera.Id, out var current) && current.Equals(camera)
            ? this
            : new(_cameras.SetItem(camera.Id, camera), Version + 1);
}
