using System.Globalization;
using Nightjar.Media.Segments;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Cluster.Routing;

/// <summary>
/// Finds which node holds a recording file named by a chunk URL's segment key (<c>{yyyyMMdd}.{run}.{unixSeconds}</c>,
/// the file's place in <see cref="SegmentPathScheme"/>): one catalog query over the second the file was opened in,
/// matched by run day, run and name time. Only asked for files this node does not have.
/// </summary>
internal sealed class RemoteSegmentLocator(ISegmentCatalog catalog, IClusterDirectory directory)
{
    public async Task<SegmentLocation> LocateAsync(CameraId camera, string stream, string segmentKey, CancellationToken cancellationToken)
    {
        if (!TryParseKey(segmentKey, out var runDay, out var runId, out var seconds) || !SegmentPathScheme.IsValidName(stream))
        {
            return SegmentLocation.Unknown;
        }

        var opened = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var rows = await catalog.FindAsync(camera.Value, stream, opened, opened.AddSeconds(1), includeLost: false, cancellationToken);
        foreach (var row in rows)
        {
            if (SegmentPathScheme.TryParse(row.Path, out var parts)
                && parts.RunDay == runDay
                && string.Equals(parts.RunId, runId, StringComparison.Ordinal)
                && parts.NameTime.ToUnixTimeSeconds() == seconds)
            {
                var node = StorageRootNames.NodeOf(row.StorageRoot);
                return node is null || string.Equals(node, directory.LocalNodeId, StringComparison.Ordinal)
                    ? SegmentLocation.Local
                    : new SegmentLocation(true, node);
            }
        }

        return SegmentLocation.Unknown;
    }

    /// <summary>Reads a segment key; false for anything that is not exactly one (they come from URLs).</summary>
    internal static bool TryParseKey(string? key, out DateOnly runDay, out string runId, out long seconds)
    {
        runDay = default;
        runId = string.Empty;
        seconds = 0;
        if (string.IsNullOrEmpty(key) || key.Length > 96)
        {
            return false;
        }

        var parts = key.Split('.');
        if (parts.Length != 3
            || parts[0].Length != 8
            || !DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out runDay)
            || !SegmentPathScheme.IsValidName(parts[1])
            || parts[2].Length is 0 or > 12
            || !parts[2].All(char.IsAsciiDigit)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out seconds)
            || seconds > 253_402_300_799)
        {
            return false;
        }

        runId = parts[1];
        return true;
    }
}
