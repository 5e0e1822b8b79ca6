using Nightjar.Recording.Cameras;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Cameras;

public sealed class RedactedUrlTests
{
    [Theory]
    [InlineData("rtsp://admin:secret@10.0.0.5/stream1", "rtsp://admin:***@10.0.0.5/stream1")]
    [InlineData("rtsp://admin:p@ss@10.0.0.5/stream1", "rtsp://admin:***@10.0.0.5/stream1")]
    [InlineData("rtsp://admin@10.0.0.5/stream1", "rtsp://admin@10.0.0.5/stream1")]
    [InlineData("rtsp://10.0.0.5/stream1", "rtsp://10.0.0.5/stream1")]
    [InlineData("rtsp://10.0.0.5/live?user=admin&password=secret&channel=1", "rtsp://10.0.0.5/live?user=admin&password=***&channel=1")]
    [InlineData("http://h/x?token=abc&apikey=def&pwd=g", "http://h/x?token=***&apikey=***&pwd=***")]
    [InlineData("not a url at all", "not a url at all")]
    [InlineData("", "")]
    public void Of_HidesPasswordsButKeepsTheUserName(string url, string expected) =>
        RedactedUrl.Of(url).Should().Be(expected);

    [Fact]
    public void Of_WithCredentials_ShowsTheUserAndMasksThePassword()
    {
        RedactedUrl.Of("rtsp://10.0.0.5/s", new Credentials("admin", "secret")).Should().Be("rtsp://admin:***@10.0.0.5/s");
        RedactedUrl.Of("rtsp://10.0.0.5/s", new Credentials("admin", string.Empty)).Should().Be("rtsp://admin@10.0.0.5/s");
        RedactedUrl.Of("rtsp://10.0.0.5/s", null).Should().Be("rtsp://10.0.0.5/s");
    }

    [Fact]
    public void InText_MasksUrlsParametersAndKnownSecrets()
    {
        const string line = "[rtsp @ 0x55] method DESCRIBE failed: 401 Unauthorized rtsp://admin:Sup3r@Secret@10.0.0.5:554/s1 "
            + "and http://u:v@h/?password=hunter22 and again Sup3r@Secret and xyz9";

        var redacted = RedactedUrl.InText(line, ["Sup3r@Secret", "xyz9", "ab"]);

        redacted.Should().NotContain("Sup3r").And.NotContain("hunter22").And.NotContain("xyz9").And.NotContain("u:v@");
        redacted.Should().Contain("rtsp://admin:***@10.0.0.5:554/s1").And.Contain("401 Unauthorized").And.Contain("http://u:***@h/");
    }

    [Fact]
    public void InText_ShortKnownSecretsAreIgnored() =>
        RedactedUrl.InText("a b c", ["a"]).Should().Be("a b c");

    [Fact]
    public async Task InText_RandomAndHugeInput_StaysFastAndNeverThrows()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            foreach (var text in Fuzz.Strings(seed: 6, count: 5_000, alphabet: "rtsp:/@ap=&?x", maxLength: 200))
            {
                RedactedUrl.InText(text, ["secret"]).Should().NotBeNull();
                RedactedUrl.Of(text).Should().NotBeNull();
            }

            // Pathological shapes for a backtracking engine: many "scheme://" and ':' without an '@'.
            RedactedUrl.InText(string.Concat(Enumerable.Repeat("a://b:", 50_000))).Should().NotBeNull();
            RedactedUrl.InText(new string(':', 200_000) + "@").Should().NotBeNull();
        });
    }
}
