using Nightjar.Cluster.Placement;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Server.Cluster;

/// <summary>The cameras of the registry as placement weighs them.</summary>
internal static class PlacementCameras
{
    /// <summary>What a stream is assumed to need until it is measured, when the operator gave no estimate.</summary>
    public const int DefaultExpectedKbps = 2_000;

    /// <summary>Camera labels that name where a camera is reachable from: a node must carry the same value to record it.</summary>
    public static readonly IReadOnlySet<string> PlacementLabels = new HashSet<string>(StringComparer.Ordinal) { "site", "zone" };

    /// <summary>Every enabled camera that records something: its expected bitrate, storage need and required labels.</summary>
    public static IReadOnlyList<PlacementCamera> From(CameraRegistry registry) =>
        [.. registry.Cameras.Where(c => c.Enabled && c.Streams.Any(s => s.Record)).Select(From)];

    public static PlacementCamera From(CameraDefinition camera)
    {
        var kbps = camera.Streams.Where(s => s.Record).Sum(s => (double)(s.ExpectedBitrateKbps ?? DefaultExpectedKbps));
        var required = camera.Labels.Where(l => PlacementLabels.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        return new PlacementCamera(camera.Id.Value, kbps / 1000)
        {
            RetentionDepth = camera.Dvr.Depth.Duration,
            StorageBytes = camera.Dvr.Space?.Bytes,
            RequiredLabels = required.Count == 0 ? null : required,
        };
    }
}
