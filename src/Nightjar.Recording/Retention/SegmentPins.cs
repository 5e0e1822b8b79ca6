namespace Nightjar.Recording.Retention;

/// <summary>Thread-safe reference counts of pinned segment paths (ordinal).</summary>
public sealed class SegmentPins : ISegmentPins
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Number of distinct pinned paths.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _counts.Count;
            }
        }
    }

    public IDisposable Pin(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        lock (_gate)
        {
            _counts[relativePath] = _counts.GetValueOrDefault(relativePath) + 1;
        }

        return new Release(this, relativePath);
    }

    public bool IsPinned(string relativePath)
    {
        lock (_gate)
        {
            return _counts.ContainsKey(relativePath);
        }
    }

    private void Unpin(string relativePath)
    {
        lock (_gate)
        {
            var count = _counts.GetValueOrDefault(relativePath);
            if (count <= 1)
            {
                _counts.Remove(relativePath);
            }
            else
            {
                _counts[relativePath] = count - 1;
            }
        }
    }

    private sealed class Release(SegmentPins owner, string path) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            // Twice must not release somebody else's pin.
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unpin(path);
            }
        }
    }
}
