using Nightjar.Media.Tests.TestCameras;
using Nightjar.Media.Ts;

namespace Nightjar.Media.Tests.Ts;

public sealed class TsIndexerTests(TsClipFixture clips) : IClassFixture<TsClipFixture>
{
    private const long OneSecond = GopEntry.ClockRate;

    [Fact]
    public void IndexFile_H264WithOneSecondGops_FindsFiveGopsOneSecondApart()
    {
        var index = TsIndexer.IndexFile(clips.H264);

        index.Codec.Should().Be(TsVideoCodec.H264);
        index.Gops.Should().HaveCount(5);
        index.OpenGop.Should().BeNull();
        index.Gops[0].Offset.Should().Be(0, "the first GOP takes the file's SDT, PAT and PMT with it");
        for (var i = 1; i < index.Gops.Count; i++)
        {
            (index.Gops[i].Pts - index.Gops[i - 1].Pts).Should().Be(OneSecond);
            index.Gops[i].Offset.Should().Be(index.Gops[i - 1].End, "GOPs tile the file");
        }

        index.Gops.Sum(g => g.Length).Should().Be(new FileInfo(clips.H264).Length);
        index.DurationTime.TotalSeconds.Should().BeApproximately(5.0, 0.001);
        index.SyncLosses.Should().Be(0);
        index.ContinuityErrors.Should().Be(0);
    }

    [Fact]
    public void IndexFile_GopOffsets_PointAtPatThenPmtThenKeyframe()
    {
        var bytes = File.ReadAllBytes(clips.H264);
        var index = TsIndexer.IndexFile(clips.H264);

        foreach (var gop in index.Gops.Skip(1))
        {
            var pat = bytes.AsSpan((int)gop.Offset, 188);
            var pmt = bytes.AsSpan((int)gop.Offset + 188, 188);
            var key = bytes.AsSpan((int)gop.Offset + 376, 188);
            TsPackets.Pid(pat).Should().Be(0);
            TsPackets.Pid(pmt).Should().Be(4096, "ffmpeg's PMT PID");
            TsPackets.Pid(key).Should().Be(index.VideoPid);
            TsPackets.UnitStart(key).Should().BeTrue();
            TsPackets.RandomAccess(key).Should().BeTrue();
        }
    }

    [Fact]
    public void IndexFile_H265_FindsCodecAndGops()
    {
        var index = TsIndexer.IndexFile(clips.H265);

        index.Codec.Should().Be(TsVideoCodec.H265);
        index.Gops.Should().HaveCount(4);
        index.Gops.Should().OnlyContain(g => g.Duration == OneSecond);
    }

    [Fact]
    public void IndexFile_BFramesAndAudio_CutsOnVideoKeyframesWithExactDurations()
    {
        var index = TsIndexer.IndexFile(clips.WithAudio);

        index.Gops.Should().HaveCount(4);
        index.Gops.Should().OnlyContain(g => g.Duration == OneSecond, "keyframe PTS differences, not decode order, give the duration");
        index.DurationTime.TotalSeconds.Should().BeApproximately(4.0, 0.001);
    }

    [Fact]
    public async Task IndexFile_EachGopByteRange_DecodesOnItsOwn()
    {
        var bytes = await File.ReadAllBytesAsync(clips.H264);
        var index = TsIndexer.IndexFile(clips.H264);

        foreach (var gop in new[] { index.Gops[1], index.Gops[^1] })
        {
            var chunk = bytes.AsSpan((int)gop.Offset, (int)gop.Length).ToArray();
            var result = await ToolRunner.RunAsync(
                "ffmpeg",
                ["-hide_banner", "-v", "error", "-f", "mpegts", "-i", "pipe:0", "-f", "null", "-progress", "pipe:1", "-"],
                TimeSpan.FromSeconds(30),
                chunk);
            result.ExitCode.Should().Be(0, result.StandardError);
            result.StandardError.Should().BeEmpty();
            result.StandardOutput.Should().Contain("frame=25");
        }
    }

    [Fact]
    public void Append_InRandomPieces_GivesTheSameIndexAsTheWholeFile()
    {
        var bytes = File.ReadAllBytes(clips.WithAudio);
        var whole = TsIndexer.IndexFile(clips.WithAudio);
        var random = new Random(1234);
        for (var round = 0; round < 5; round++)
        {
            var indexer = new TsIndexer();
            var position = 0;
            while (position < bytes.Length)
            {
                var piece = Math.Min(bytes.Length - position, random.Next(1, 3000));
                indexer.Append(bytes.AsSpan(position, piece));
                position += piece;
            }

            indexer.Complete().Should().BeEquivalentTo(whole, o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void Snapshot_WhileGrowing_ReportsCompleteGopsAndAnOpenOne()
    {
        var bytes = File.ReadAllBytes(clips.H264);
        var whole = TsIndexer.IndexFile(clips.H264);
        var indexer = new TsIndexer();

        var cut = (int)whole.Gops[2].Offset + (188 * 5) + 17; // inside the third GOP, mid-packet
        indexer.Append(bytes.AsSpan(0, cut));
        var partial = indexer.Snapshot();

        partial.Gops.Should().Equal(whole.Gops.Take(2));
        partial.OpenGop.Should().NotBeNull();
        partial.OpenGop!.Value.Offset.Should().Be(whole.Gops[2].Offset);
        partial.IndexedLength.Should().Be(cut - 17, "the partial trailing packet waits for its rest");
        indexer.BytesFed.Should().Be(cut);

        indexer.Append(bytes.AsSpan(cut));
        indexer.Complete().Gops.Should().Equal(whole.Gops);
    }

    [Fact]
    public void Complete_FileCutMidPacket_IndexesWholePacketsAndClosesTheLastGop()
    {
        var bytes = File.ReadAllBytes(clips.H264);
        var indexer = new TsIndexer();
        var cut = (bytes.Length / 2) + 100;

        indexer.Append(bytes.AsSpan(0, cut));
        var index = indexer.Complete();

        (index.IndexedLength % 188).Should().Be(0);
        index.IndexedLength.Should().BeGreaterThan(cut - 188);
        index.OpenGop.Should().BeNull();
        index.Gops[^1].End.Should().Be(index.IndexedLength);
        index.DurationTime.TotalSeconds.Should().BeApproximately(2.5, 0.2);
    }

    [Fact]
    public void Append_GarbageBeforeTheFirstPacket_FindsSyncAndShiftsOffsets()
    {
        var bytes = File.ReadAllBytes(clips.H264);
        var prefix = Enumerable.Repeat((byte)0xAB, 1000).ToArray();
        var indexer = new TsIndexer();

        indexer.Append(prefix);
        indexer.Append(bytes);
        var index = indexer.Complete();

        index.SyncOffset.Should().Be(1000);
        index.Gops.Should().HaveCount(5);
        index.Gops[0].Offset.Should().Be(1000);
        index.Gops[1].Offset.Should().Be(TsIndexer.IndexFile(clips.H264).Gops[1].Offset + 1000);
    }

    [Fact]
    public void Complete_EmptyInput_GivesAnEmptyIndex()
    {
        var index = new TsIndexer().Complete();

        index.Gops.Should().BeEmpty();
        index.IndexedLength.Should().Be(0);
        index.FirstPts.Should().BeNull();
    }

    [Fact]
    public void Complete_TextInput_ThrowsTsFormatException()
    {
        var indexer = new TsIndexer();
        indexer.Append("This is not a transport stream, it is a README.\n"u8);

        var act = () => indexer.Complete();

        act.Should().Throw<TsFormatException>().WithMessage("*no packet sync*");
    }

    [Fact]
    public void Append_AfterComplete_Throws()
    {
        var indexer = new TsIndexer();
        indexer.Complete();

        var act = () => indexer.Append(new byte[188]);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task IndexFile_PtsWrappingPast33Bits_KeepsDurationsAndMonotonicPts()
    {
        // 2^33 / 90 kHz = 95443.7 s: an offset just below it makes the clock wrap mid-clip.
        var path = Path.Combine(clips.Directory, "wrap.ts");
        var result = await ToolRunner.RunAsync(
            "ffmpeg",
            ["-hide_banner", "-v", "error", "-y", "-i", clips.H264, "-c", "copy", "-output_ts_offset", "95441", "-f", "mpegts", path],
            TimeSpan.FromSeconds(30));
        result.ExitCode.Should().Be(0, result.StandardError);

        var index = TsIndexer.IndexFile(path);

        index.Gops.Should().HaveCount(5);
        index.Gops.Should().OnlyContain(g => g.Duration == OneSecond);
        index.Gops[^1].Pts.Should().BeGreaterThan(1L << 33, "PTS are unwrapped past 2^33");
    }
}
