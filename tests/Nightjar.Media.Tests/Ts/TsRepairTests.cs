using Nightjar.Media.Ts;

namespace Nightjar.Media.Tests.Ts;

public sealed class TsRepairTests(TsClipFixture clips) : IClassFixture<TsClipFixture>
{
    [Fact]
    public void TruncateToWholePackets_PartialTrailingPacket_CutsItAndIndexesTheRest()
    {
        var path = CopyOfClip();
        var whole = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength((whole / 2) + 77);
        }

        var result = TsRepair.TruncateToWholePackets(path);

        result.OriginalLength.Should().Be((whole / 2) + 77);
        (result.RepairedLength % 188).Should().Be(0);
        result.TruncatedBytes.Should().BeInRange(1, 187);
        new FileInfo(path).Length.Should().Be(result.RepairedLength);
        result.Index.Gops.Should().NotBeEmpty();
        result.Index.Gops[^1].End.Should().Be(result.RepairedLength);
        result.Index.OpenGop.Should().BeNull();
    }

    [Fact]
    public void TruncateToWholePackets_IntactFile_LeavesItAsItIs()
    {
        var path = CopyOfClip();
        var before = File.ReadAllBytes(path);

        var result = TsRepair.TruncateToWholePackets(path);

        result.TruncatedBytes.Should().Be(0);
        File.ReadAllBytes(path).Should().Equal(before);
        result.Index.Gops.Should().HaveCount(5);
    }

    [Fact]
    public void TruncateToWholePackets_NotTs_ThrowsAndChangesNothing()
    {
        var path = Path.Combine(clips.Directory, Guid.NewGuid().ToString("N") + ".ts");
        var content = new byte[100_000];
        new Random(7).NextBytes(content);
        content.AsSpan().Replace((byte)0x47, (byte)0x46);
        File.WriteAllBytes(path, content);

        var act = () => TsRepair.TruncateToWholePackets(path);

        act.Should().Throw<TsFormatException>();
        File.ReadAllBytes(path).Should().Equal(content);
    }

    [Fact]
    public void TruncateToWholePackets_EmptyFile_ReportsNothingIndexed()
    {
        var path = Path.Combine(clips.Directory, Guid.NewGuid().ToString("N") + ".ts");
        File.WriteAllBytes(path, []);

        var result = TsRepair.TruncateToWholePackets(path);

        result.RepairedLength.Should().Be(0);
        result.Index.Gops.Should().BeEmpty();
    }

    private string CopyOfClip()
    {
        var path = Path.Combine(clips.Directory, Guid.NewGuid().ToString("N") + ".ts");
        File.Copy(clips.H264, path);
        return path;
    }
}
