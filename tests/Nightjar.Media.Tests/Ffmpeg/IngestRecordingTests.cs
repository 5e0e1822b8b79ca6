using System.Collections.Concurrent;
using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Hls;
using Nightjar.Media.Segments;
using Nightjar.Media.Tests.Segments;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Media.Tests.Ts;
using Nightjar.Media.Ts;

namespace Nightjar.Media.Tests.Ffmpeg;

/// <summary>The ingest command against a real RTSP camera stand-in with Digest auth.</summary>
[Collection(RealCameraCollection.Name)]
public sealed class IngestRecordingTests(DigestCameraFixture fixture) : IClassFixture<DigestCameraFixture>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private readonly TempDirectory _temp = new("nj-ingest");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ingest_TwoSecondSegments_WritesGopAlignedFilesThatPlayBackToBackAndPushesToTheRelay()
    {
        var run = Directory.CreateDirectory(_temp.Combine("run1")).FullName;
        var relayPort = TestPorts.FreeTcpPort();
        var relayFile = _temp.Combine("relay.ts");
        var relay = await FfmpegProcess.StartAsync(new FfmpegCommand("ffmpeg",
            ["-hide_banner", "-nostdin", "-v", "error", "-rtsp_flags", "listen", "-i", $"rtsp://127.0.0.1:{relayPort}/lobby", "-c", "copy", "-f", "mpegts", relayFile]));
        var blocks = new ConcurrentQueue<FfmpegProgress>();
        var command = IngestCommandBuilder.Build(Options(run) with { RelayUrl = new Uri($"rtsp://127.0.0.1:{relayPort}/lobby") });
        var list = new SegmentListReader(Path.Combine(run, SegmentPathScheme.SegmentListFileName));
        var closed = new List<SegmentListEntry>();

        await using (relay)
        await using (var ingest = await FfmpegProcess.StartAsync(command, onProgress: blocks.Enqueue))
        {
            await Eventually.WaitUntilAsync(() => { closed.AddRange(list.Poll()); return closed.Count >= 4 || ingest.HasExited; }, Deadline, "four segments were closed");
            ingest.HasExited.Should().BeFalse(ingest.LastError);
            (await ingest.StopAsync(TimeSpan.FromSeconds(5))).Should().Be(ProcessStopOutcome.Terminated);
            ingest.Stderr.Lines().Should().NotContain(l => l.Contains(DigestCameraFixture.Password) || l.Contains("s3cr%3At%40pw"));
            await relay.StopAsync(TimeSpan.FromSeconds(5));
        }

        blocks.Select(b => b.Frame).Should().BeInAscendingOrder().And.Contain(f => f > 100);
        closed.Skip(1).Should().OnlyContain(e => Math.Abs(e.Duration.TotalSeconds - 2) < 0.05, "segments are cut every 2 s");

        // The newest file is never listed after a stop (the signal interrupts the trailer): repair it like after a crash.
        var files = Directory.GetFiles(run, "*.ts").Order(StringComparer.Ordinal).ToList();
        files.Select(Path.GetFileName).Should().StartWith(closed.Select(e => e.FileName));
        var indexes = files.Select(f => f == files[^1] ? TsRepair.TruncateToWholePackets(f).Index : TsIndexer.IndexFile(f)).ToList();

        for (var i = 0; i < closed.Count; i++)
        {
            var index = indexes[i];
            index.Codec.Should().Be(TsVideoCodec.H264);
            index.Gops.Should().HaveCountGreaterThanOrEqualTo(2);
            index.Gops.Skip(1).Should().OnlyContain(g => Math.Abs(g.Duration - GopEntry.ClockRate) <= 3600, "the camera sends a keyframe every second");
            StartsWithPatPmtAndKeyframe(files[i], index).Should().BeTrue($"{files[i]} must start with PAT, PMT and a keyframe");
            if (i > 0)
            {
                var previous = indexes[i - 1];
                (index.Gops[0].Pts - (previous.Gops[^1].Pts + previous.Gops[^1].Duration)).Should().BeInRange(-3600, 3600, "PTS run on across files of one run");
            }
        }

        // A VOD playlist over all files, byte ranges into the files themselves, played by ffmpeg.
        var start = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Path.GetFileNameWithoutExtension(files[0]), System.Globalization.CultureInfo.InvariantCulture));
        var segments = new List<HlsSegment>();
        foreach (var (file, index) in files.Zip(indexes))
        {
            var info = SegmentInfo.FromIndex(Path.GetFileName(file), "run1", start, index);
            segments.Add(new HlsSegment(info.Path, info.RunId, info.Start, info.Gops));
            start = info.End;
        }

        var playlist = ArchivePlaylist.BuildVod(segments, segments[0].Start, start, new() { Addressing = HlsChunkAddressing.ByteRanges(c => c.SegmentKey) });
        var playlistPath = Path.Combine(run, "vod.m3u8");
        await File.WriteAllBytesAsync(playlistPath, playlist.Utf8.ToArray());
        var expected = indexes.Sum(i => i.DurationTime.TotalSeconds);

        var (errors, frames) = await ToolRunner.DecodeAsync(playlistPath);

        playlist.Text.Should().NotContain("#EXT-X-DISCONTINUITY");
        errors.Should().BeEmpty();
        (frames / 25.0).Should().BeApproximately(expected, 0.5);
        (await ToolRunner.ProbeDurationAsync(playlistPath)).Should().BeApproximately(expected, 0.5);

        var relayed = await ToolRunner.DecodeAsync(relayFile);
        relayed.Frames.Should().BeGreaterThan(100, "the fifo-wrapped push reached the relay stand-in");
    }

    [Fact]
    public async Task Ingest_SigkillMidSegment_LeavesAFileThatRepairsIndexesAndPlaysToTheLastSecond()
    {
        var run = Directory.CreateDirectory(_temp.Combine("run-crash")).FullName;
        var command = IngestCommandBuilder.Build(Options(run) with { SegmentDuration = TimeSpan.FromSeconds(60), AlignToClock = false });
        TsFileIndex seen;

        await using (var ingest = await FfmpegProcess.StartAsync(command))
        {
            var file = await Eventually.WaitForAsync(() => Directory.GetFiles(run, "*.ts").FirstOrDefault(), Deadline, "the first segment file appears");
            using var tailer = new TsFileTailer(file);
            await Eventually.WaitUntilAsync(() => { tailer.Poll(); return tailer.Current.Gops.Count >= 3; }, Deadline, "three GOPs are on disk");
            seen = tailer.Current;

            ingest.Kill();
            (await ingest.Exited).Should().Be(128 + 9);
        }

        var path = Directory.GetFiles(run, "*.ts").Should().ContainSingle().Subject;
        var repaired = TsRepair.TruncateToWholePackets(path);

        (repaired.RepairedLength % 188).Should().Be(0);
        repaired.Index.Gops.Should().HaveCountGreaterThanOrEqualTo(3);
        repaired.Index.Gops.Take(seen.Gops.Count).Should().Equal(seen.Gops, "nothing that was on disk before the kill is lost (flush_packets=1)");
        var (errors, frames) = await ToolRunner.DecodeAsync(path);
        (frames / 25.0).Should().BeGreaterThan(repaired.Index.DurationTime.TotalSeconds - 1.0, $"the file plays up to about its last second ({errors})");
    }

    internal static bool StartsWithPatPmtAndKeyframe(string file, TsFileIndex index)
    {
        var head = new byte[188 * 8];
        using (var stream = File.OpenRead(file))
        {
            stream.ReadExactly(head);
        }

        int? pat = null;
        int? pmt = null;
        for (var p = 0; p < 8; p++)
        {
            var packet = head.AsSpan(p * 188, 188);
            var pid = TsPackets.Pid(packet);
            if (pid == 0)
            {
                pat ??= p;
            }
            else if (pid == 4096)
            {
                pmt ??= p;
            }
            else if (pid == index.VideoPid)
            {
                return pat < pmt && pmt < p && TsPackets.UnitStart(packet) && TsPackets.RandomAccess(packet);
            }
        }

        return false;
    }

    private IngestOptions Options(string run) => new()
    {
        SourceUrl = fixture.Camera.Url("ball"),
        Credentials = new SourceCredentials(DigestCameraFixture.User, DigestCameraFixture.Password),
        SegmentDirectory = run,
        SegmentDuration = TimeSpan.FromSeconds(2),
        SocketTimeout = TimeSpan.FromSeconds(3),
    };
}
