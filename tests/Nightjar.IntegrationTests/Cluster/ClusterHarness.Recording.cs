using System.Globalization;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>What the cluster recorded, read from the shared catalog and from the nodes' disks; and the clean-up.</summary>
internal sealed partial class ClusterHarness
{
    /// <summary>Recorded catalog segments by camera, oldest first.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<ClusterSegment>>> SegmentsByCameraAsync() => Catalog.SegmentsByCameraAsync();

    /// <summary>
    /// Waits until every camera has a recorded catalog segment that starts at or after <paramref name="since"/> (any
    /// segment when null) and passes <paramref name="where"/> (e.g. "on another node"). Returns the catalog as it was
    /// when the wait ended.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ClusterSegment>>> WaitForAllRecordingAsync(
        IReadOnlyCollection<string> cameras, TimeSpan timeout, DateTimeOffset? since = null, Func<ClusterSegment, bool>? where = null, string? what = null)
    {
        IReadOnlyDictionary<string, IReadOnlyList<ClusterSegment>> catalog = new Dictionary<string, IReadOnlyList<ClusterSegment>>();
        var missing = cameras.ToList();
        await ClusterWait.UntilAsync(
            async () =>
            {
                catalog = await SegmentsByCameraAsync();
                missing = cameras.Where(c => !catalog.TryGetValue(c, out var segments)
                    || !segments.Any(s => (since is null || s.Start >= since) && (where is null || where(s)))).ToList();
                return missing.Count == 0;
            },
            timeout,
            () => $"every camera to record{(since is null ? string.Empty : " since " + since.Value.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))} {what}; " +
            $"still missing: {string.Join(", ", missing)}; last segment of each: " +
            string.Join(" | ", cameras.Select(c => catalog.TryGetValue(c, out var s) && s.Count > 0 ? s[^1].ToString() : c + ": none")));
        return catalog;
    }

    /// <summary>Every recording file on a node's disk, as a path relative to its data directory ('/'-separated).</summary>
    public static IReadOnlyList<string> SegmentFilesOf(ClusterNode node) =>
        Directory.Exists(node.DataPath)
            ? Directory.EnumerateFiles(node.DataPath, "*.ts", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(node.DataPath, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>
    /// Waits until every recording file on the given nodes' disks, as they are now (open ones included), has its catalog
    /// row under that node's storage root; returns how many files there were.
    /// </summary>
    public async Task<int> WaitForEveryFileInCatalogAsync(IReadOnlyCollection<ClusterNode> nodes, TimeSpan timeout, string when)
    {
        var files = nodes.ToDictionary(n => n.Id, SegmentFilesOf, StringComparer.Ordinal);
        var missing = new List<string>();
        await ClusterWait.UntilAsync(
            async () =>
            {
                var catalog = await Catalog.SegmentsAsync();
                missing = files.SelectMany(f => f.Value
                    .Where(file => !catalog.Any(s => s.Node == f.Key && IsSameFile(file, s.Path)))
                    .Select(file => f.Key + ":" + file)).ToList();
                return missing.Count == 0;
            },
            timeout,
            () => $"every segment file on disk to have a catalog row {when}; missing {missing.Count}: {string.Join(", ", missing.Take(20))}");
        return files.Sum(f => f.Value.Count);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            SaveLogs();
        }
        catch (IOException)
        {
            // The report is a courtesy; the clean-up below must still run.
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        foreach (var camera in _cameras.Values)
        {
            await camera.DisposeAsync();
        }
        await Database.DisposeAsync();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        _data.Dispose();
    }

    /// <summary>A file relative to the data directory ("recordings/cam1/...") against a catalog path relative to its root.</summary>
    private static bool IsSameFile(string file, string catalogPath)
    {
        var path = catalogPath.Replace('\\', '/').TrimStart('/');
        return file == path || file.EndsWith("/" + path, StringComparison.Ordinal) || path.EndsWith("/" + file, StringComparison.Ordinal);
    }

    private void SaveLogs()
    {
        if (_nodes.Count == 0)
        {
            return;
        }

        var folder = Path.Combine(LogRoot, _name + "-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        foreach (var node in _nodes)
        {
            File.WriteAllText(Path.Combine(folder, node.Id + ".log"), node.AllOutput);
        }

        Log($"Node output saved in {folder}");
    }
}
