using System.Buffers;
using System.Text;
using Nightjar.Media.Hls;
using Nightjar.Media.Ts;
using Nightjar.Server.Playback;

namespace Nightjar.Server.Tests.Playback;

/// <summary>The streaming writer must give exactly the bytes of Media's builders, whatever the input and the piece size.</summary>
public sealed class ArchivePlaylistWriterTests
{
    private static readonly DateTimeOffset T0 = PlaybackRecordings.T0;

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void WriteSome_RandomIndexes_SameBytesAsMediaBuilders(bool byteRanges, bool vod)
    {
        var random = new Random(20261121 + (byteRanges ? 1 : 0) + (vod ? 2 : 0));
        for (var round = 0; round < 60; round++)
        {
            var segments = RandomSegments(random);
            var from = T0.AddSeconds(random.Next(-30, 400) + random.NextDouble());
            var to = from.AddSeconds(random.Next(1, 500) + random.NextDouble());
            var uris = new ChunkUriFormat(random.Next(2) == 0 ? string.Empty : "main/", random.Next(3) == 0 ? null : "tok/en+=?&", byteRanges);
            var options = new ArchivePlaylistOptions { Addressing = uris.Addressing, MinTargetDuration = random.Next(1, 4) };

            var expected = vod ? ArchivePlaylist.BuildVod(segments, from, to, options) : ArchivePlaylist.BuildEvent(segments, from, options);
            var writer = new ArchivePlaylistWriter(segments, from, vod ? to : DateTimeOffset.MaxValue, endList: vod, uris, options);
            var actual = WriteAll(writer, budget: random.Next(1, 2000));

            actual.Should().Be(expected.Text, "round {0}", round);
            writer.ChunkCount.Should().Be(expected.ChunkCount);
            writer.TargetDuration.Should().Be(expected.TargetDuration);
            writer.Duration.Should().Be(expected.Duration);
        }
    }

    [Fact]
    public void WriteSome_NothingInRange_CountsZeroAndStillWritesAValidEmptyPlaylist()
    {
        var segments = RandomSegments(new Random(1));
        var uris = new ChunkUriFormat(string.Empty, null, byteRanges: false);
        var writer = new ArchivePlaylistWriter(segments, T0.AddDays(-2), T0.AddDays(-1), endList: true, uris, new ArchivePlaylistOptions { Addressing = uris.Addressing });

        writer.ChunkCount.Should().Be(0);
        WriteAll(writer, 100).Should().StartWith("#EXTM3U\n").And.EndWith("#EXT-X-ENDLIST\n");
    }

    [Fact]
    public void Constructor_SegmentsOutOfOrder_Throws()
    {
        var chunk = new GopEntry(0, 188, 0, 90_000);
        HlsSegment[] segments = [new("b", "r", T0.AddSeconds(10), [chunk]), new("a", "r", T0, [chunk])];
        var uris = new ChunkUriFormat(string.Empty, null, byteRanges: false);

        var build = () => new ArchivePlaylistWriter(segments, T0, T0.AddHours(1), endList: true, uris, new ArchivePlaylistOptions { Addressing = uris.Addressing });

        build.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void WriteSome_SmallBudget_ReturnsInPiecesUntilComplete()
    {
        var segments = RandomSegments(new Random(7));
        var uris = new ChunkUriFormat(string.Empty, "t", byteRanges: false);
        var writer = new ArchivePlaylistWriter(segments, T0, T0.AddHours(1), endList: true, uris, new ArchivePlaylistOptions { Addressing = uris.Addressing });
        var output = new ArrayBufferWriter<byte>();

        var calls = 0;
        while (!writer.IsComplete)
        {
            writer.WriteSome(output, budget: 256).Should().BeGreaterThan(0);
            calls++;
        }

        calls.Should().BeGreaterThan(writer.ChunkCount / 4, "each call stops soon after its budget");
        writer.WriteSome(output, 256).Should().Be(0, "a complete playlist writes nothing more");
    }

    private static string WriteAll(ArchivePlaylistWriter writer, int budget)
    {
        var output = new ArrayBufferWriter<byte>();
        while (!writer.IsComplete)
        {
            writer.WriteSome(output, budget);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Files of 0 to 8 GOPs of 0.3 to 4 s, with gaps, run changes, empty files and keys that need escaping.</summary>
    private static List<HlsSegment> RandomSegments(Random random)
    {
        var segments = new List<HlsSegment>();
        var start = T0.AddSeconds(-20);
        var run = 0;
        for (var s = 0; s < random.Next(0, 40); s++)
        {
            var chunks = new List<GopEntry>();
            long offset = 188 * random.Next(0, 3);
            long pts = random.Next(0, 1 << 30);
            var gops = random.Next(10) == 0 ? 0 : random.Next(1, 9);
            for (var g = 0; g < gops; g++)
            {
                var duration = random.Next(27_000, 360_000);
                var length = 188L * random.Next(1, 400);
                chunks.Add(new GopEntry(offset, length, pts, duration));
                offset += length;
                pts += duration;
            }

            run += random.Next(6) == 0 ? 1 : 0;
            var key = random.Next(8) == 0 ? $"key with space/{s}" : $"20261121.r{run}.{s}";
            segments.Add(new HlsSegment(key, "r" + run, start, chunks));
            start += GopEntry.FromClock(chunks.Sum(c => c.Duration)) + TimeSpan.FromMilliseconds(random.Next(4) == 0 ? random.Next(0, 5000) : random.Next(0, 30));
        }

        return segments;
    }
}
