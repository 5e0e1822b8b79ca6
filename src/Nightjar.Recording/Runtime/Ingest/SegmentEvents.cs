using Nightjar.Media.Ts;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>Builds the <see cref="SegmentRecorded"/> of a closed, completely indexed file.</summary>
internal static class SegmentEvents
{
    /// <remarks>
    /// <paramref name="start"/> is the wall time of the file's first keyframe; <paramref name="index"/> the completed
    /// index (no open GOP); <paramref name="node"/> the node whose disk holds the file (null on a single node).
    /// </remarks>
    public static SegmentRecorded Recorded(CameraId camera, string stream, string runId, string relativePath, DateTimeOffset start, TsFileIndex index, string? node)
    {
        ArgumentNullException.ThrowIfNull(index);
        var gops = GopConversion.ToIndex(index.AllGops);
        return new SegmentRecorded(camera, stream, runId, relativePath, start, start + gops.Duration, index.IndexedLength, gops) { Node = node };
    }
}
