using Nightjar.Media.Ts;

namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>The file ffmpeg is writing, tailed for new GOPs. Owned by one stream actor.</summary>
internal sealed class OpenSegment(string name, string relativePath, string fullPath, string key) : IDisposable
{
    public string Name { get; } = name;

    public string RelativePath { get; } = relativePath;

    public string FullPath { get; } = fullPath;

    /// <summary>Its <see cref="Archive.SegmentKey"/> text.</summary>
    public string Key { get; } = key;

    public TsFileTailer Tailer { get; } = new(fullPath);

    /// <summary>Offset from the file's PTS to the run's scale; set with <see cref="Start"/> at its first keyframe.</summary>
    public long PtsOffset { get; set; }

    /// <summary>Wall time of its first keyframe, once seen.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>GOPs of this file already in the live window.</summary>
    public int LiveGops { get; set; }

    /// <summary>File length at the last poll, to see it grow.</summary>
    public long Length { get; set; }

    public void Dispose() => Tailer.Dispose();
}
