using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime.Actors;
using Nightjar.Recording.Runtime.Archive;

namespace Nightjar.Recording.Runtime;

/// <summary>What a cluster node needs from its engine: its identity on disk, its running cameras, its load.</summary>
public sealed partial class RecordingEngine
{
    /// <summary>This node's id (<see cref="RecordingEngineOptions.NodeId"/>); null on a single node.</summary>
    public string? NodeId => _options.NodeId;

    /// <summary>
    /// The catalog's name of the root this node records into (<c>CatalogSegment.StorageRoot</c>): <c>"0"</c> on a
    /// single node, <c>"{node}/0"</c> in a cluster. A segment whose root differs is on another node's disk.
    /// </summary>
    public string StorageRootName => _services.Layout.CatalogRootName;

    /// <summary>
    /// Cameras whose recorder is running here, including those being stopped until their last files are journaled and
    /// their actor has terminated. Before releasing a camera to another node, wait until it is no longer in this set.
    /// </summary>
    public IReadOnlySet<CameraId> RunningCameras => _services.Running.Current;

    /// <summary>True while <paramref name="camera"/> is in <see cref="RunningCameras"/>.</summary>
    public bool IsRunning(CameraId camera) => _services.Running.Current.Contains(camera);

    /// <summary>
    /// Catches the camera registry up with the journal now (cameras other nodes added, changed or removed), then
    /// starts and stops recorders. <see cref="RecordingEngineOptions.RegistryRefreshInterval"/> does the same periodically.
    /// </summary>
    /// <returns>The number of registry events applied.</returns>
    /// <exception cref="InvalidOperationException">The engine is not running.</exception>
    public Task<int> RefreshRegistryAsync(CancellationToken cancellationToken) =>
        DirectoryActor.AskAsync<int>(new CameraDirectoryActor.Refresh(), _options.CommandTimeout, cancellationToken);

    /// <summary>
    /// Measured ingest per camera in Mbit/s: the sum over its streams recording here of the bytes written to their files
    /// over the last 10 s. Cameras without a measurement yet (just started, reconnecting) are left out.
    /// </summary>
    public IReadOnlyDictionary<string, double> MeasuredBitratesMbps()
    {
        var cameras = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var snapshot in _services.Snapshots.All)
        {
            if (snapshot.BitrateKbps is { } kbps)
            {
                cameras[snapshot.Camera.Value] = cameras.GetValueOrDefault(snapshot.Camera.Value) + (kbps / 1000.0);
            }
        }

        return cameras;
    }

    /// <summary>The node's measured ingest in Mbit/s: the sum of <see cref="MeasuredBitratesMbps"/>.</summary>
    public double TotalIngestMbps() => MeasuredBitratesMbps().Values.Sum();

    /// <summary>
    /// Where the file behind a segment key is: its catalog row's storage root, and whether it is on this node's disk.
    /// Null when the catalog has no row for it (unknown key, or the file being written: then the camera's owner has
    /// it). Lets a node proxy chunk reads of files recorded by another node (<see cref="StorageRootNames.NodeOf"/>).
    /// </summary>
    public async Task<SegmentLocation?> LocateSegmentAsync(CameraId camera, string stream, string segmentKey, CancellationToken cancellationToken)
    {
        if (!StreamNames.IsValid(stream) || !SegmentKey.TryParse(segmentKey, out var key))
        {
            return null;
        }

        string relative;
        try
        {
            relative = key.ToRelativePath(camera, stream);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (await _services.Catalog.GetByPathAsync(relative, cancellationToken) is not { } row)
        {
            return null;
        }

        return new SegmentLocation(
            row.StorageRoot,
            StorageRootNames.NodeOf(row.StorageRoot),
            string.Equals(row.StorageRoot, StorageRootName, StringComparison.Ordinal),
            row.Path);
    }

    private void OnOwnershipChanged()
    {
        if (_state == 1 && _directory is { } directory)
        {
            directory.Tell(new CameraDirectoryActor.OwnershipChanged());
        }
    }
}
