using Nightjar.Media.Hls;
using Nightjar.Media.Ts;
using Nightjar.Server.Playback;

namespace Nightjar.Server.Tests.Playback;

public sealed class ExportPlanTests
{
    private static readonly DateTimeOffset T0 = PlaybackRecordings.T0;

    [Fact]
    public void FromSegments_ContiguousChunks_OneSpanPerFileFromTheKeyframeBeforeFrom()
    {
        HlsSegment[] segments = [File("a", T0, 4), File("b", T0.AddSeconds(4), 4)];

        var plan = ExportPlan.FromSegments(segments, T0.AddSeconds(1.5), T0.AddSeconds(6), key => "/rec/" + key);

        plan.Spans.Should().Equal(new FileSpan("/rec/a", 1000, 3000), new FileSpan("/rec/b", 0, 2000));
        plan.ChunkCount.Should().Be(5, "chunks 1-2, 2-3, 3-4 of a and 4-5, 5-6 of b");
        plan.Duration.Should().Be(TimeSpan.FromSeconds(5));
        plan.TotalBytes.Should().Be(5000);
        plan.MissingFiles.Should().Be(0);
    }

    [Fact]
    public void FromSegments_FileTheArchiveNoLongerHas_IsSkippedAndCounted()
    {
        HlsSegment[] segments = [File("a", T0, 2), File("gone", T0.AddSeconds(2), 2), File("c", T0.AddSeconds(4), 2)];

        var plan = ExportPlan.FromSegments(segments, T0, T0.AddSeconds(6), key => key == "gone" ? null : key);

        plan.Spans.Select(s => s.FullPath).Should().Equal("a", "c");
        plan.ChunkCount.Should().Be(4);
        plan.MissingFiles.Should().Be(1);
    }

    [Fact]
    public void FromSegments_NothingInRange_IsEmpty()
    {
        var plan = ExportPlan.FromSegments([File("a", T0, 4)], T0.AddSeconds(10), T0.AddSeconds(20), key => key);

        plan.ChunkCount.Should().Be(0);
        plan.Spans.Should().BeEmpty();
    }

    /// <summary>One-second GOPs of 1000 bytes each.</summary>
    private static HlsSegment File(string key, DateTimeOffset start, int seconds) =>
        new(key, "r1", start, [.. Enumerable.Range(0, seconds).Select(i => new GopEntry(i * 1000L, 1000, 90_000L * i, 90_000))]);
}
