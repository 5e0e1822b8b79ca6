using Nightjar.Media.Ffmpeg;

namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>What a stream actor knows about the run (one ffmpeg process) it is recording. Owned by that actor.</summary>
internal sealed class RunContext(PreparedRun prepared, DateTimeOffset preparedAt) : IDisposable
{
    public int Run { get; } = prepared.Run;

    public string RunId { get; } = prepared.RunId;

    public string RelativeDirectory { get; } = prepared.RelativeDirectory;

    public string FullDirectory { get; } = prepared.FullDirectory;

    public DateTimeOffset PreparedAt { get; } = preparedAt;

    /// <summary>ffmpeg's list of the files it closed.</summary>
    public SegmentListReader List { get; } = new(Path.Combine(prepared.FullDirectory, Media.Segments.SegmentPathScheme.SegmentListFileName));

    public RunClock Clock { get; } = new();

    /// <summary>File names already closed (recorded, or dropped as empty).</summary>
    public HashSet<string> Closed { get; } = new(StringComparer.Ordinal);

    public OpenSegment? Open { get; set; }

    /// <summary>Media flows (a progress block with frames).</summary>
    public bool Recording { get; set; }

    /// <summary>Its <c>StreamStarted</c> is in the journal, so its end gets a <c>SourceClosed</c>.</summary>
    public bool Started { get; set; }

    public bool RestartRequested { get; set; }

    /// <summary>Bytes of its files already closed: with the open file's length, the run's total for the bit rate.</summary>
    public long ClosedBytes { get; set; }

    public int FilesRecorded { get; set; }

    public DateTimeOffset LastGrowthAt { get; set; } = preparedAt;

    public DateTimeOffset LastGopAt { get; set; } = preparedAt;

    /// <summary>Polls that found the open file unchanged; a few in a row make the actor look for a newer file.</summary>
    public int IdlePolls { get; set; }

    public void Dispose() => Open?.Dispose();
}
