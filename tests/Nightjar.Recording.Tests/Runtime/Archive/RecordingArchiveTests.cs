using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Tests.Runtime.Support;
using Nightjar.Recording.Timeline;

namespace Nightjar.Recording.Tests.Runtime.Archive;

/// <summary>The archive side of the engine over catalog rows put there directly (no camera needed).</summary>
public sealed class RecordingArchiveTests : IAsyncLifetime
{
    private const string Run = "lobby/main/2026/11/21/1763700000000";
    private static readonly CameraId Lobby = new("lobby");
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1763700000);
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public void ResolveChunkFile_KeyOfAnExistingFile_ResolvesInsideTheRoot_AsClosed()
    {
        var full = Write(Run + "/1763700000.ts");

        var file = _harness.Engine.ResolveChunkFile(Lobby, "main", "20261121.1763700000000.1763700000");

        file.Should().Be(new Nightjar.Recording.Runtime.ChunkFile(full, Closed: true));
    }

    [Theory]
    [InlineData("main", "20261121.1763700000000.1763700002")] // no such file
    [InlineData("main", "../../../../etc/passwd")]
    [InlineData("main", "20261121.1763700000000.1763700000/../../x")]
    [InlineData("main", "")]
    [InlineData("../main", "20261121.1763700000000.1763700000")]
    [InlineData("MAIN!", "20261121.1763700000000.1763700000")]
    public void ResolveChunkFile_UnknownOrHostileKey_IsNull(string stream, string key)
    {
        Write(Run + "/1763700000.ts");

        _harness.Engine.ResolveChunkFile(Lobby, stream, key).Should().BeNull();
    }

    [Fact]
    public async Task GetSegmentsAsync_RowWithAnUnusableIndex_IsSkipped_TheOthersAreServedWithKeysThatResolve()
    {
        var good = Row(Run + "/1763700000.ts", T0, GopIndex.Create([new(0, 0), new(18_800, 90_000)], 180_000).Encode(), 37_600);
        var broken = Row(Run + "/1763700002.ts", T0.AddSeconds(2), "not-an-index", 37_600);
        var pastTheEnd = Row(Run + "/1763700004.ts", T0.AddSeconds(4), GopIndex.Create([new(0, 0), new(99_999, 90_000)], 180_000).Encode(), 37_600);
        await _harness.Catalog.ApplyAsync([new CatalogChange.Upsert(good), new CatalogChange.Upsert(broken), new CatalogChange.Upsert(pastTheEnd)], null, CancellationToken.None);
        Write(good.Path);

        var segments = await _harness.Engine.GetSegmentsAsync(Lobby, "main", T0, T0.AddSeconds(6), CancellationToken.None);

        var segment = segments.Should().ContainSingle().Subject;
        segment.Key.Should().Be("20261121.1763700000000.1763700000");
        segment.Chunks.Select(c => (c.Offset, c.Length)).Should().Equal((0L, 18_800L), (18_800L, 18_800L));
        _harness.Engine.ResolveChunkFile(Lobby, "main", segment.Key).Should().NotBeNull();
        _harness.Logs.Records.Count(r => r.Contains("[3160]", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task GetTimelineAsync_TwoRunsWithAHole_ReportsTheRecordedRangesAndTheGap()
    {
        var index = GopIndex.Create([new(0, 0)], 180_000).Encode();
        await _harness.Catalog.ApplyAsync(
        [
            new CatalogChange.Upsert(Row(Run + "/1763700000.ts", T0, index, 18_800)),
            new CatalogChange.Upsert(Row("lobby/main/2026/11/21/1763700010000/1763700010.ts", T0.AddSeconds(10), index, 18_800)),
        ],
            null,
            CancellationToken.None);

        var timeline = await _harness.Engine.GetTimelineAsync(Lobby, "main", new TimeRange(T0, T0.AddSeconds(12)), CancellationToken.None);

        timeline.Recorded.Should().Equal(new TimeRange(T0, T0.AddSeconds(2)), new TimeRange(T0.AddSeconds(10), T0.AddSeconds(12)));
        timeline.Gaps.Should().Equal(new TimeRange(T0.AddSeconds(2), T0.AddSeconds(10)));
        (await _harness.Engine.GetLatestKeyframeAsync(Lobby, "main", CancellationToken.None)).Should().NotBeNull();
        (await _harness.Engine.GetSegmentsAsync(Lobby, "nope", T0, T0.AddSeconds(12), CancellationToken.None)).Should().BeEmpty();
        _harness.Engine.GetLive(Lobby, "main").Should().BeNull("nothing records this stream");
    }

    private static CatalogSegment Row(string path, DateTimeOffset start, string gops, long bytes) =>
        new(0, "lobby", "main", path.Split('/')[5], path, "0", start, start.AddSeconds(2), bytes, gops, CatalogSegmentState.Recorded);

    private string Write(string relative)
    {
        var full = Path.Combine(_harness.StorageRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, new byte[37_600]);
        return full;
    }
}
