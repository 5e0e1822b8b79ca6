using Nightjar.Media.Hls;
using Nightjar.Media.Segments;
using Nightjar.Media.Tests.Segments;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Media.Ts;

namespace Nightjar.Media.Tests.Hls;

/// <summary>Generated playlists played through ffmpeg's own HLS demuxer over real TS files with byte ranges.</summary>
public sealed class HlsPlaybackTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("nj-hls");
    private readonly List<HlsSegment> _segments = [];

    public async Task InitializeAsync()
    {
        // Like the recorder: one continuous encode cut into 3 s TS files with continuous PTS.
        var source = await TsClip.CreateAsync(_temp.Combine("source.ts"), 9);
        var result = await ToolRunner.RunAsync(
            "ffmpeg",
            ["-hide_banner", "-v", "error", "-i", source, "-c", "copy", "-f", "segment", "-segment_time", "3", "-segment_format", "mpegts",
             "-segment_format_options", "mpegts_flags=+initial_discontinuity", _temp.Combine("seg%d.ts")],
            TimeSpan.FromSeconds(30));
        result.ExitCode.Should().Be(0, result.StandardError);

        var start = HlsTestData.T0;
        for (var i = 0; i < 3; i++)
        {
            var index = TsIndexer.IndexFile(_temp.Combine($"seg{i}.ts"));
            var info = SegmentInfo.FromIndex($"seg{i}.ts", "r1", start, index);
            _segments.Add(new HlsSegment(info.Path, info.RunId, info.Start, info.Gops));
            start = info.End;
        }
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BuildVod_ByteRangePlaylistOverThreeFiles_PlaysThroughWithoutErrors()
    {
        var playlist = ArchivePlaylist.BuildVod(_segments, HlsTestData.T0, HlsTestData.T0.AddSeconds(9), new() { Addressing = HlsChunkAddressing.ByteRanges(c => c.SegmentKey) });
        var path = _temp.Combine("vod.m3u8");
        await File.WriteAllBytesAsync(path, playlist.Utf8.ToArray());

        var (errors, frames) = await ToolRunner.DecodeAsync(path);

        playlist.ChunkCount.Should().Be(9);
        errors.Should().BeEmpty("chunks cut at the PAT before each keyframe decode cleanly and back to back");
        frames.Should().Be(225);
        (await ToolRunner.ProbeDurationAsync(path)).Should().BeApproximately(9.0, 0.1);
    }

    [Fact]
    public async Task BuildVod_RangeInTheMiddle_PlaysFromTheKeyframeBeforeIt()
    {
        var playlist = ArchivePlaylist.BuildVod(_segments, HlsTestData.T0.AddSeconds(2.5), HlsTestData.T0.AddSeconds(5.5), new() { Addressing = HlsChunkAddressing.ByteRanges(c => c.SegmentKey) });
        var path = _temp.Combine("range.m3u8");
        await File.WriteAllBytesAsync(path, playlist.Utf8.ToArray());

        var (errors, frames) = await ToolRunner.DecodeAsync(path);

        playlist.ChunkCount.Should().Be(4, "chunks 2-3, 3-4, 4-5 and 5-6");
        errors.Should().BeEmpty();
        frames.Should().Be(100);
    }
}
