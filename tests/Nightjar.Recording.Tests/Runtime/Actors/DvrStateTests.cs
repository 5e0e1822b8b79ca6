using System.Collections.Immutable;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Actors;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.Runtime.Actors;

public sealed class DvrStateTests
{
    private static readonly CameraId Camera = new("cam1");
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_SegmentsAndRuns_KeepsTotalsTheNewestEndABoundedListOfPathsAndTheOpenRun()
    {
        var state = DvrState.Empty.Apply(new StreamStarted(Camera, "main", "run1", T0));
        for (var i = 0; i < 70; i++)
        {
            state = state.Apply(Recorded(i));
        }

        state.Segments.Should().Be(70);
        state.Bytes.Should().Be(70 * 1000);
        state.LastSegmentEnd.Should().Be(T0.AddSeconds(140));
        state.RecentPaths.Should().HaveCount(64).And.EndWith(Recorded(69).Path).And.NotContain(Recorded(5).Path);
        state.OpenRunId.Should().Be("run1");
        state.Apply(new SourceClosed(Camera, "main", "other", T0, SourceCloseReason.Ended, null)).OpenRunId.Should().Be("run1");
        state.Apply(new SourceClosed(Camera, "main", "run1", T0, SourceCloseReason.Ended, null)).OpenRunId.Should().BeNull();
    }

    [Fact]
    public async Task Snapshot_RoundTripsThroughTheJournal()
    {
        await using var store = await StoreHarness.StartAsync();
        var state = DvrState.Empty.Apply(new StreamStarted(Camera, "main", "run1", T0)).Apply(Recorded(0)).Apply(Recorded(1));

        await store.Journal.SaveSnapshotAsync("dvr/cam1/main", 3, state, CancellationToken.None);
        var loaded = (await store.Journal.LoadLatestSnapshotAsync("dvr/cam1/main", CancellationToken.None))!.State;

        loaded.Should().BeOfType<DvrState>().Which.Should().BeEquivalentTo(state);
        ((DvrState)loaded).RecentPaths.Should().Equal(state.RecentPaths);
        new DvrState(0, 0, null, default).RecentPaths.Should().Equal(ImmutableArray<string>.Empty);
    }

    private static SegmentRecorded Recorded(int i) =>
        new(Camera, "main", "run1", $"cam1/main/2026/11/21/run1/{1763726400 + (2 * i)}.ts", T0.AddSeconds(2 * i), T0.AddSeconds((2 * i) + 2), 1000, GopIndex.Empty);
}
