using System.Text;
using Nightjar.Media.Hls;
using Nightjar.Server.Playback;

namespace Nightjar.Server.Tests.Playback;

public sealed class ChunkUriFormatTests
{
    private static readonly HlsChunkRef Chunk = new("20261121.r1.1795219200", "r1", 376, 1880, PlaybackRecordings.T0);

    [Fact]
    public void Chunk_WithTokenAndStreamPrefix_IsRelativeAndCarriesTheToken()
    {
        var uris = new ChunkUriFormat("main/", "a b+c", byteRanges: false);

        uris.Chunk(Chunk).Should().Be("main/c/20261121.r1.1795219200/376-1880.ts?token=a%20b%2Bc");
        uris.File(Chunk).Should().Be("main/f/20261121.r1.1795219200.ts?token=a%20b%2Bc");
    }

    [Fact]
    public void Chunk_WithoutToken_HasNoQuery()
    {
        new ChunkUriFormat(string.Empty, null, byteRanges: false).Chunk(Chunk).Should().Be("c/20261121.r1.1795219200/376-1880.ts");
    }

    [Fact]
    public void WriteChunkLine_IsTheSameTextAsChunkPlusNewline()
    {
        var uris = new ChunkUriFormat("main/", "tok", byteRanges: false);
        var key = ChunkUriFormat.EncodeKey(Chunk.SegmentKey);
        var buffer = new byte[uris.ChunkLineBudget(key)];

        var written = uris.WriteChunkLine(buffer, key, long.MaxValue, long.MaxValue);

        Encoding.UTF8.GetString(buffer, 0, written).Should().Be(uris.Chunk(Chunk with { Offset = long.MaxValue, Length = long.MaxValue }) + "\n");
    }

    [Theory]
    [InlineData("20261121.r1.1795219200", true)]
    [InlineData("a-b_c~d.e", true)]
    [InlineData("..", false)]
    [InlineData(".", false)]
    [InlineData("../etc", false)]
    [InlineData("..%2F..%2Fetc", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a\u0000", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SegmentKeyText_AcceptsOnlyUnreservedCharacters(string? key, bool expected)
    {
        SegmentKeyText.IsWellFormed(key).Should().Be(expected);
        SegmentKeyText.IsWellFormed(new string('a', SegmentKeyText.MaxLength + 1)).Should().BeFalse();
    }
}
