using System.Collections.Immutable;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>
/// The persistent state of one stream's DVR (the fold of its events): totals, the end of the newest segment (the
/// status API's "last segment"), the paths of the newest segments, which tell a restarted stream which files of its
/// last runs are already recorded even when the catalog has not caught up yet, and the run that started but never
/// closed (a crash), so the next start can close it in the journal. Small on purpose: it is snapshotted every
/// <see cref="SnapshotEvery"/> events, so recovery never replays a long history.
/// </summary>
internal sealed record DvrState(long Segments, long Bytes, DateTimeOffset? LastSegmentEnd, ImmutableArray<string> RecentPaths, string? OpenRunId = null)
{
    public const int SnapshotEvery = 100;

    private const int RecentCapacity = 64;

    public static DvrState Empty { get; } = new(0, 0, null, []);

    public ImmutableArray<string> RecentPaths { get; init; } = RecentPaths.IsDefault ? [] : RecentPaths;

    public DvrState Apply(object @event) => @event switch
    {
        SegmentRecorded recorded => this with
        {
            Segments = Segments + 1,
            Bytes = Bytes + recorded.Bytes,
            LastSegmentEnd = LastSegmentEnd is { } last && last > recorded.End ? last : recorded.End,
            RecentPaths = Remember(recorded.Path),
        },
        StreamStarted started => this with { OpenRunId = started.RunId },
        SourceClosed closed when string.Equals(closed.RunId, OpenRunId, StringComparison.Ordinal) => this with { OpenRunId = null },
        _ => this,
    };

    private ImmutableArray<string> Remember(string path)
    {
        var paths = RecentPaths.Add(path);
        return paths.Length > RecentCapacity ? paths.RemoveRange(0, paths.Length - RecentCapacity) : paths;
    }
}
