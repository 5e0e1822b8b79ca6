namespace Nightjar.Server.Playback;

/// <summary>A byte range of a recording file: what exports and snapshots read.</summary>
/// <param name="FullPath">The file on this node's disk; for a span another node holds, its whole-file URL path there (<c>/{camera}/{stream}/f/{key}.ts</c>).</param>
/// <param name="Offset">First byte.</param>
/// <param name="Length">Bytes.</param>
/// <param name="Node">The node holding the file; null for this node.</param>
internal readonly record struct FileSpan(string FullPath, long Offset, long Length, string? Node = null)
{
    public long End => Offset + Length;
}
