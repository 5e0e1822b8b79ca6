namespace Nightjar.Server.Playback;

/// <summary>A byte range of a recording file: what exports and snapshots read.</summary>
internal readonly record struct FileSpan(string FullPath, long Offset, long Length)
{
    public long End => Offset + Length;
}
