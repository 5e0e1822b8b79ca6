using Nightjar.Media.Ffmpeg;

namespace Nightjar.Recording.Runtime;

/// <summary>
/// How the recording engine records: where segments go, how long they are, how ffmpeg is run and watched. Bound from
/// configuration by the host; <see cref="Validate"/> names the offending option.
/// </summary>
public sealed record RecordingEngineOptions
{
    /// <summary>Absolute storage root directories; only the first one is written to for now.</summary>
    public IReadOnlyList<string> StorageRoots { get; init; } = [];

    /// <summary>Length of a recording file (ffmpeg cuts at the first keyframe after it). 60 s in production.</summary>
    public TimeSpan SegmentDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Cut files at wall-clock multiples of <see cref="SegmentDuration"/>, each stream shifted by a stable offset
    /// (hash of camera/stream), so a node's streams do not all rotate and fsync in the same second.
    /// </summary>
    public bool StaggerRotation { get; init; } = true;

    /// <summary>The ffmpeg executable (looked up on PATH when it has no '/').</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>The relay ffmpeg pushes each stream into, as <c>{relay}/{camera}/{stream}</c>; null records without a push.</summary>
    public Uri? RelayBaseUrl { get; init; }

    /// <summary>ffmpeg's RTSP socket I/O timeout: without one a stalled camera hangs ffmpeg forever (media.md E4).</summary>
    public TimeSpan SocketTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stall detection, start grace, SIGTERM→SIGKILL grace and restart backoff of each stream's ffmpeg.</summary>
    public SupervisorOptions Supervisor { get; init; } = new();

    /// <summary>The open file not growing for this long (after the start grace) restarts ffmpeg.</summary>
    public TimeSpan FileStallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each stream tails its open file (new GOPs for live HLS, closed files, growth).</summary>
    public TimeSpan TailInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Complete GOP chunks listed in a live playlist (media.md 7.3: the last 6).</summary>
    public int LiveWindowChunks { get; init; } = 6;

    /// <summary>Lowest live <c>EXT-X-TARGETDURATION</c> in seconds; raised when a longer GOP is seen.</summary>
    public int LiveTargetDurationSeconds { get; init; } = 2;

    /// <summary>Newest run directories of each stream checked at start for files left open by a crash.</summary>
    public int RecoveryRunsPerStream { get; init; } = 3;

    /// <summary>Newest catalog rows of each stream checked at start for a missing file.</summary>
    public int RecoveryCatalogDepth { get; init; } = 200;

    /// <summary>Deadline of camera commands (journal write included).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// This node's id in a cluster (<see cref="NodeIds.IsValid"/>); null on a single node. It marks the segments the
    /// node records (<c>SegmentRecorded.Node</c>) and names its storage roots in the catalog
    /// (<see cref="StorageRootNames.For"/>), so the node reconciles and deletes only files on its own disk.
    /// </summary>
    public string? NodeId { get; init; }

    /// <summary>
    /// How often the camera registry catches up with what other nodes journaled (cameras added, changed or removed
    /// through their API); null never does (a single node is the registry's only writer). About 1 s in a cluster.
    /// </summary>
    public TimeSpan? RegistryRefreshInterval { get; init; }

    /// <summary>
    /// How long a camera command's or a signal's journal append is retried after transient database errors (a PostgreSQL
    /// restart) before it fails. A recording stream retries until the database is back, however long that takes: ffmpeg
    /// keeps writing meanwhile, and the segments are journaled once the database answers.
    /// </summary>
    public TimeSpan JournalRetryWindow { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The catalog's name of the root this node writes to (<see cref="StorageRootNames.For"/>).</summary>
    internal string CatalogRootName => StorageRootNames.For(NodeId);

    /// <summary>The root segments are written to.</summary>
    internal string PrimaryRoot => StorageRoots.Count > 0 ? StorageRoots[0] : throw new InvalidOperationException("No storage root is configured.");

    /// <summary>Throws <see cref="ArgumentException"/> naming the offending option.</summary>
    public void Validate()
    {
        if (StorageRoots is null || StorageRoots.Count == 0)
        {
            throw new ArgumentException("At least one storage root is required (Storage:Roots:0:Path).", nameof(StorageRoots));
        }

        foreach (var root in StorageRoots)
        {
            if (string.IsNullOrWhiteSpace(root) || !Path.IsPathFullyQualified(root) || root.IndexOfAny(['%', ']', '\n', '\r', '\0']) >= 0)
            {
                throw new ArgumentException($"Storage roots must be absolute paths without '%', ']' or control characters: '{root}'.", nameof(StorageRoots));
            }
        }

        Require(SegmentDuration >= TimeSpan.FromSeconds(1) && SegmentDuration <= TimeSpan.FromMinutes(10), nameof(SegmentDuration), "between 1 s and 10 min");
        Require(!string.IsNullOrWhiteSpace(FfmpegPath), nameof(FfmpegPath), "set");
        Require(RelayBaseUrl is null || (RelayBaseUrl.IsAbsoluteUri && RelayBaseUrl.Scheme == "rtsp" && string.IsNullOrEmpty(RelayBaseUrl.UserInfo)), nameof(RelayBaseUrl), "an absolute rtsp:// URL without credentials, or null");
        Require(SocketTimeout > TimeSpan.Zero && SocketTimeout <= TimeSpan.FromMinutes(1), nameof(SocketTimeout), "between 0 and 1 min");
        Require(Supervisor is not null, nameof(Supervisor), "set");
        Require(FileStallTimeout >= TimeSpan.FromSeconds(1), nameof(FileStallTimeout), "at least 1 s");
        Require(TailInterval >= TimeSpan.FromMilliseconds(20) && TailInterval <= TimeSpan.FromSeconds(5), nameof(TailInterval), "between 20 ms and 5 s");
        Require(LiveWindowChunks is >= 1 and <= 100, nameof(LiveWindowChunks), "between 1 and 100");
        Require(LiveTargetDurationSeconds is >= 1 and <= 60, nameof(LiveTargetDurationSeconds), "between 1 and 60");
        Require(RecoveryRunsPerStream is >= 1 and <= 1000, nameof(RecoveryRunsPerStream), "between 1 and 1000");
        Require(RecoveryCatalogDepth is >= 0 and <= 100_000, nameof(RecoveryCatalogDepth), "between 0 and 100000");
        Require(CommandTimeout > TimeSpan.Zero, nameof(CommandTimeout), "positive");
        Require(NodeId is null || NodeIds.IsValid(NodeId), nameof(NodeId), $"null or 1 to {NodeIds.MaxLength} ASCII letters, digits, '-', '_' or '.'");
        Require(RegistryRefreshInterval is null || (RegistryRefreshInterval >= TimeSpan.FromMilliseconds(50) && RegistryRefreshInterval <= TimeSpan.FromHours(1)), nameof(RegistryRefreshInterval), "null or between 50 ms and 1 h");
        Require(JournalRetryWindow >= TimeSpan.Zero && JournalRetryWindow <= TimeSpan.FromHours(1), nameof(JournalRetryWindow), "between 0 and 1 h");
    }

    private static void Require(bool condition, string name, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} must be {what}.", name);
        }
    }
}
