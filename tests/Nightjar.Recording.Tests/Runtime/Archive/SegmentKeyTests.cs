using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime.Archive;

namespace Nightjar.Recording.Tests.Runtime.Archive;

public sealed class SegmentKeyTests
{
    private const string Path = "lobby/main/2026/11/21/1763700000123/1763700060.ts";

    [Fact]
    public void FromRelativePath_SegmentPath_RoundTripsThroughTextBackToThePath()
    {
        var key = SegmentKey.FromRelativePath(Path)!.Value;

        key.ToString().Should().Be("20261121.1763700000123.1763700060");
        SegmentKey.TryParse(key.ToString(), out var parsed).Should().BeTrue();
        parsed.Should().Be(key);
        parsed.ToRelativePath(new CameraId("lobby"), "main").Should().Be(Path);
    }

    [Theory]
    [InlineData("lobby/main/2026/11/21/run.ts")]
    [InlineData("../main/2026/11/21/r1/1.ts")]
    [InlineData("lobby/main/2026/11/21/r1/1.ts.corrupt")]
    [InlineData("lobby/main/2026/11/21/1.ts")]
    public void FromRelativePath_NotASegmentPath_IsNull(string path) => SegmentKey.FromRelativePath(path).Should().BeNull();

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("20261121.run.1/../x")]
    [InlineData("20261121..1")]
    [InlineData("2026112.run.1")]
    [InlineData("20261321.run.1")]
    [InlineData("20261121.r/un.1")]
    [InlineData("20261121.run.01")]
    [InlineData("20261121.run.-1")]
    [InlineData("20261121.run.+1")]
    [InlineData("20261121.run.1234567890123")]
    [InlineData("20261121.run.1.ts")]
    [InlineData("20261121.run.1\n")]
    [InlineData("20261121.run.１")]
    [InlineData("2026-11-21.run.1")]
    public void TryParse_MalformedOrHostileKey_IsRejected(string text) => SegmentKey.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void TryParse_RandomAndMutatedInput_NeverThrows_AndAcceptsOnlyCanonicalKeys()
    {
        var random = new Random(20261121);
        const string alphabet = "0123456789.abcXYZ_-/\\%\0\n é１";
        var valid = "20261121.1763700000123.1763700060";
        for (var i = 0; i < 20_000; i++)
        {
            string text;
            if (i % 2 == 0)
            {
                var chars = new char[random.Next(0, 120)];
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = alphabet[random.Next(alphabet.Length)];
                }

                text = new string(chars);
            }
            else
            {
                var chars = valid.ToCharArray();
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                text = new string(chars)[..random.Next(0, chars.Length + 1)];
            }

            if (SegmentKey.TryParse(text, out var key))
            {
                key.ToString().Should().Be(text, "an accepted key has exactly one spelling");
            }
        }

        SegmentKey.TryParse(new string('1', 100_000), out _).Should().BeFalse();
    }
}
