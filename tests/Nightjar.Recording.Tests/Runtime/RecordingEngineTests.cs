using System.Diagnostics.Metrics;
using Nightjar.Media.Rtsp;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Runtime.Support;
using Nightjar.Recording.Timeline;
using Xunit.Abstractions;

namespace Nightjar.Recording.Tests.Runtime;

/// <summary>The engine recording a real camera stand-in (Digest login) with real ffmpeg, SQLite journal and catalog.</summary>
[Collection(RealCameraCollection.Name)]
public sealed class RecordingEngineTests(CameraStandIn camera, ITestOutputHelper output) : IClassFixture<CameraStandIn>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private static readonly CameraId Lobby = new("lobby");

    [Fact]
    public async Task AddAsync_CameraWithDigestLogin_RecordsSegmentsThatPlay_PushesToTheRelay_AndTheLiveWindowAdvances()
    {
        await using var relay = new RtspServer(new RtspServerOptions { Port = 0, EnableUdp = false });
        await relay.StartAsync(CancellationToken.None);
        var relayUrl = new Uri($"rtsp://127.0.0.1:{relay.LocalEndPoint.Port}");
        // Cuts by media time here (no wall-clock alignment): a keyframe arriving within jitter of a clock boundary would
        // otherwise make the odd segment 1 or 3 s long, and this test checks exact lengths.
        await using var harness = await EngineHarness.StartAsync(o => o with { RelayBaseUrl = relayUrl, StaggerRotation = false });
        var segmentsCounted = 0L;
        using var listener = CountSegments(harness.Engine.Meter, n => Interlocked.Add(ref segmentsCounted, n));
        var engine = harness.Engine;
        var addedAt = TimeProvider.System.GetTimestamp();

        var added = await engine.AddAsync(EngineHarness.Camera("lobby", camera.Camera), CancellationToken.None);

        added.Status.Should().Be(CameraCommandStatus.Ok);
        added.Camera!.HasPlaintextCredentials.Should().BeFalse("the stored definition holds the protected password");
        engine.Registry.Contains(Lobby).Should().BeTrue();
        await Poll.UntilAsync(async () => (await harness.Catalog.LatestAsync("lobby", "main", 1, CancellationToken.None)).Count > 0, Deadline, "the first segment is in the catalog");
        output.WriteLine($"add to first catalogued segment: {TimeProvider.System.GetElapsedTime(addedAt).TotalSeconds:F1} s");

        await Poll.UntilAsync(async () => (await RowsAsync(harness)).Count >= 6, Deadline, "six segments are catalogued");
        var rows = await RowsAsync(harness);
        var recorded = (await harness.DvrEventsAsync("lobby")).OfType<SegmentRecorded>().ToList();
        recorded.Select(r => r.Path).Should().BeEquivalentTo(rows.Select(r => r.Path), "the catalog is the projection of the journal");
        (await harness.DvrEventsAsync("lobby")).OfType<StreamStarted>().Should().ContainSingle();
        foreach (var (previous, next) in rows.Zip(rows.Skip(1)))
        {
            next.RunId.Should().Be(previous.RunId);
            (next.Start - previous.End).Duration().Should().BeLessThan(TimeSpan.FromMilliseconds(150), "files of one run follow each other without a hole");
        }

        rows.Skip(1).SkipLast(1).Should().OnlyContain(r => Math.Abs((r.End - r.Start).TotalSeconds - 2) < 0.1, "2 s segments cut at 1 s keyframes");
        rows.Should().OnlyContain(r => File.Exists(Path.Combine(harness.StorageRoot, r.Path)));

        // About 10 s of archive plays from the byte ranges the archive hands out.
        var from = rows[0].Start;
        var to = rows[^1].End;
        var played = await Playback.DecodeArchiveAsync(engine, Lobby, "main", from, to, harness.DataPath);
        output.WriteLine($"archive {from:O} + {(to - from).TotalSeconds:F2} s: {played.Playlist.ChunkCount} chunks, {played.Frames} frames, {played.Seconds:F2} s");
        played.Errors.Should().BeEmpty();
        played.Seconds.Should().BeApproximately((to - from).TotalSeconds, 0.5);
        played.Frames.Should().BeCloseTo((int)Math.Round((to - from).TotalSeconds * 25), 10);

        var timeline = await engine.GetTimelineAsync(Lobby, "main", new TimeRange(from, to), CancellationToken.None);
        timeline.Gaps.Should().BeEmpty();

        var live = engine.GetLive(Lobby, "main")!;
        live.Chunks.Should().HaveCount(harness.Options.LiveWindowChunks);
        live.Chunks.Should().OnlyContain(c => engine.ResolveChunkFile(Lobby, "main", c.SegmentKey) != null);
        var newest = live.Chunks[^1].Sequence;
        await Poll.UntilAsync(() => engine.GetLive(Lobby, "main")!.Chunks[^1].Sequence > newest, Deadline, "the live window advances");

        var keyframe = await engine.GetLatestKeyframeAsync(Lobby, "main", CancellationToken.None);
        keyframe.Should().NotBeNull();
        var (errors, frames) = await Playback.DecodeRangeAsync(keyframe!.FullPath, keyframe.Offset, keyframe.Length);
        errors.Should().BeEmpty();
        frames.Should().BeGreaterThanOrEqualTo(20, "the newest complete GOP decodes on its own");

        var status = (await engine.GetStatusAsync(Lobby, CancellationToken.None))!;
        var main = status.Streams.Should().ContainSingle().Subject;
        main.State.Should().Be(StreamState.Recording);
        main.BitrateKbps.Should().BeGreaterThan(0);
        main.Restarts.Should().Be(0);
        main.RunId.Should().Be(rows[0].RunId);
        main.LastSegmentAt.Should().BeOnOrAfter(rows[^1].End);

        relay.GetPath("lobby/main").Should().NotBeNull("ffmpeg pushes the stream into the relay at {camera}/{stream}");
        Interlocked.Read(ref segmentsCounted).Should().BeGreaterThanOrEqualTo(rows.Count);
        harness.Logs.AllText().Should().NotContain(CameraStandIn.Password).And.NotContain(Uri.EscapeDataString(CameraStandIn.Password));
    }

    private static async Task<IReadOnlyList<CatalogSegment>> RowsAsync(EngineHarness harness) =>
        await harness.Catalog.FindAsync("lobby", "main", DateTimeOffset.UnixEpoch, TimeProvider.System.GetUtcNow().AddHours(1), includeLost: false, CancellationToken.None);

    private static MeterListener CountSegments(Meter meter, Action<long> add)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "nightjar.recording.segments")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => add(value));
        listener.Start();
        return listener;
    }
}
