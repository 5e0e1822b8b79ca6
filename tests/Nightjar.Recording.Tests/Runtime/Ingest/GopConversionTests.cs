using Nightjar.Media.Tests.TestCameras;
using Nightjar.Media.Ts;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Ingest;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.Runtime.Ingest;

public sealed class GopConversionTests
{
    [Fact]
    public async Task ToIndex_ThenToChunks_GivesTheIndexersGopsBack_WithTimesFromTheFirstKeyframe()
    {
        using var temp = new TempDirectory("nj-gops");
        var file = await TsClip.CreateAsync(temp.Combine("clip.ts"), 3, bFrames: true);
        var index = TsIndexer.IndexFile(file);

        var gops = GopConversion.ToIndex(index.AllGops);
        var chunks = GopConversion.ToChunks(gops, index.IndexedLength);

        index.AllGops.Should().HaveCount(3);
        chunks.Should().Equal(index.AllGops.Select(g => g with { Pts = g.Pts - index.AllGops[0].Pts }));
        gops.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(50));
        GopIndex.TryDecode(gops.Encode(), out var decoded, out _).Should().BeTrue();
        decoded.Should().Be(gops);
    }

    [Fact]
    public void ToIndex_NoGops_IsEmpty_AndHasNoChunks()
    {
        GopConversion.ToIndex([]).Should().BeSameAs(GopIndex.Empty);
        GopConversion.ToChunks(GopIndex.Empty, 0).Should().BeEmpty();
    }

    [Fact]
    public void ToIndex_PtsSteppingBack_IsClampedSoTimesNeverDecrease()
    {
        var gops = GopConversion.ToIndex([new(0, 1880, 90_000, 90_000), new(1880, 1880, 80_000, 90_000)]);

        gops.Entries.Select(e => e.ClockOffset).Should().Equal(0, 0);
    }
}
