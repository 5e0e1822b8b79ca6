using Nightjar.Media.Segments;
using Nightjar.Media.Ts;

namespace Nightjar.Media.Tests.Segments;

public sealed class SegmentInfoTests
{
    [Fact]
    public void FromIndex_CompletedIndex_TakesBytesGopsAndEndFromIt()
    {
        var gops = new[] { new GopEntry(0, 188 * 10, 900_000, 90_000), new GopEntry(188 * 10, 188 * 8, 990_000, 45_000) };
        var index = new TsFileIndex(TsVideoCodec.H264, 256, gops, null, 188 * 18, 0, 0, 0);
        var start = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

        var info = SegmentInfo.FromIndex("lobby/main/2026/11/21/r/1.ts", "r", start, index);

        info.Bytes.Should().Be(188 * 18);
        info.End.Should().Be(start.AddSeconds(1.5));
        info.Duration.Should().Be(TimeSpan.FromSeconds(1.5));
        info.Gops.Should().Equal(gops);
        info.GopStart(gops[1]).Should().Be(start.AddSeconds(1));
    }
}
