using System.Text;

namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>
/// Staggers segment rotation across streams (media.md 7.1, as Moonfire does): each stream cuts its files at a stable
/// offset within the segment duration, so a node with hundreds of streams does not close and fsync them all in the
/// same second.
/// </summary>
internal static class RotationOffset
{
    /// <summary>Whole seconds in <c>[0, segmentDuration)</c> from an FNV-1a hash of <c>camera/stream</c> (stable across processes, unlike string.GetHashCode).</summary>
    public static TimeSpan For(string camera, string stream, TimeSpan segmentDuration)
    {
        var seconds = (uint)Math.Max(1, (int)segmentDuration.TotalSeconds);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(camera + "/" + stream))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return TimeSpan.FromSeconds(hash % seconds);
    }
}
