namespace Nightjar.Media.Rtsp;

/// <summary>Path name → current publication. Replacing and removing are atomic with respect to each other.</summary>
internal sealed class PathRegistry(TimeSpan publisherTimeout, bool overridePublisher, Func<string, string?>? readerAlias = null)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StreamPath> _paths = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _paths.Count;
            }
        }
    }

    public StreamPath? Find(string name)
    {
        lock (_gate)
        {
            return _paths.GetValueOrDefault(name);
        }
    }

    /// <summary>
    /// What a reader asking for <paramref name="name"/> gets: the exact publication, else the one the alias names
    /// (a short name standing for a longer path, e.g. a source standing for its primary stream).
    /// </summary>
    public StreamPath? FindForReader(string name) =>
        Find(name) ?? (readerAlias?.Invoke(name) is { } target && !string.Equals(target, name, StringComparison.Ordinal) ? Find(target) : null);

    /// <summary>Finds the publication for a request path that may end in a track control (<c>cam1/trackID=0</c>).</summary>
    public StreamPath? Resolve(string urlPath, out string? control)
    {
        control = null;
        var exact = FindForReader(urlPath);
        if (exact is not null)
        {
            return exact;
        }

        var (basePath, last) = RtspUrl.SplitLast(urlPath);
        var path = FindForReader(basePath);
        if (path is not null)
        {
            control = last;
        }

        return path;
    }

    /// <summary>True if a publisher holds <paramref name="name"/> and a new one would be refused.</summary>
    public bool IsHeldByLivePublisher(string name)
    {
        var current = Find(name);
        return current is not null && !overridePublisher && current.Idle < publisherTimeout;
    }

    /// <summary>Registers <paramref name="candidate"/>; a stale (or, with override, any) current publication is replaced.</summary>
    public bool TryPublish(StreamPath candidate)
    {
        StreamPath? replaced;
        lock (_gate)
        {
            if (_paths.TryGetValue(candidate.Name, out replaced) && !overridePublisher && replaced.Idle < publisherTimeout)
            {
                return false;
            }

            _paths[candidate.Name] = candidate;
        }

        if (replaced is not null)
        {
            replaced.Close("replaced");
            replaced.KickPublisher("replaced by a new publisher");
        }

        return true;
    }

    /// <summary>Removes <paramref name="path"/> if it is still the current publication, then closes it.</summary>
    public void Remove(StreamPath path, string reason)
    {
        lock (_gate)
        {
            if (_paths.TryGetValue(path.Name, out var current) && ReferenceEquals(current, path))
            {
                _paths.Remove(path.Name);
            }
        }

        path.Close(reason);
    }

    public StreamPath[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _paths.Values];
        }
    }
}
