using Nightjar.Recording.Cameras;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Cameras;

public sealed class SourceUrlTests
{
    [Theory]
    [InlineData("rtsp://10.0.0.5/stream1", "rtsp://10.0.0.5/stream1", null, null)]
    [InlineData("rtsp://user:pass@10.0.0.5/stream1", "rtsp://10.0.0.5/stream1", "user", "pass")]
    [InlineData("RTSP://user:pass@Cam.local:554/Streaming/Channels/101?transportmode=unicast", "rtsp://Cam.local:554/Streaming/Channels/101?transportmode=unicast", "user", "pass")]
    [InlineData("rtsps://admin:p@ss@10.0.0.5/x", "rtsps://10.0.0.5/x", "admin", "p@ss")]
    [InlineData("rtsp://admin:p%2Fss%3A1@10.0.0.5/x", "rtsp://10.0.0.5/x", "admin", "p/ss:1")]
    [InlineData("rtsp://admin@10.0.0.5/x", "rtsp://10.0.0.5/x", "admin", null)]
    [InlineData("rtsp://admin:@10.0.0.5/x", "rtsp://10.0.0.5/x", "admin", "")]
    [InlineData("rtsp://user:pw@[fe80::1]:8554/a/../b", "rtsp://[fe80::1]:8554/a/../b", "user", "pw")]
    [InlineData("rtsp://@10.0.0.5/x", "rtsp://10.0.0.5/x", null, null)]
    public void TryParse_SplitsCredentialsAndKeepsThePathVerbatim(string text, string url, string? username, string? password)
    {
        SourceUrl.TryParse(text, SourceUrl.StreamSchemes, out var parsed, out var error).Should().BeTrue(error);

        parsed!.Url.Should().Be(url);
        parsed.Username.Should().Be(username);
        parsed.Password.Should().Be(password);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("http://10.0.0.5/stream1", "rtsp://")]
    [InlineData("10.0.0.5/stream1", "rtsp://")]
    [InlineData("rtsp:/10.0.0.5", "rtsp://")]
    [InlineData("rtsp://", "with a host")]
    [InlineData("rtsp:///stream", "with a host")]
    [InlineData("rtsp://user:pass@/stream", "with a host")]
    [InlineData("rtsp://host:99999/x", "with a host")]
    [InlineData("rtsp://host:0/x", "with a host")]
    [InlineData("rtsp://ho st/x", "printable ASCII")]
    [InlineData("rtsp://host/x\r\nInjected: 1", "printable ASCII")]
    [InlineData("rtsp://host/x%0d%0aInjected:%201", "control characters")]
    [InlineData("rtsp://host/x#frag", "fragment")]
    [InlineData("rtsp://:pass@host/x", "no user name")]
    [InlineData("rtsp://u:p%00@host/x", "control characters")]
    [InlineData("rtsp://café/x", "printable ASCII")]
    public void TryParse_Invalid_FailsWithAReason(string? text, string reason)
    {
        SourceUrl.TryParse(text, SourceUrl.StreamSchemes, out var parsed, out var error).Should().BeFalse();
        parsed.Should().BeNull();
        error.Should().Contain(reason);
    }

    [Fact]
    public void TryParse_ErrorNeverContainsThePassword()
    {
        SourceUrl.TryParse("rtsp://admin:Sup3rSecret@host:notaport/x", SourceUrl.StreamSchemes, out _, out var error).Should().BeFalse();

        error.Should().NotContain("Sup3rSecret");
    }

    [Fact]
    public void TryParse_TooLong_Fails()
    {
        var text = "rtsp://host/" + new string('a', SourceUrl.MaxLength);

        SourceUrl.TryParse(text, SourceUrl.StreamSchemes, out _, out var error).Should().BeFalse();
        error.Should().Contain("too long");
    }

    [Fact]
    public void TryParse_EventSchemes_AcceptHttpOnly()
    {
        SourceUrl.TryParse("https://u:p@10.0.0.5", SourceUrl.EventSchemes, out var parsed, out _).Should().BeTrue();
        parsed!.Url.Should().Be("https://10.0.0.5");
        SourceUrl.TryParse("rtsp://10.0.0.5", SourceUrl.EventSchemes, out _, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("admin", "p@ss/w:rd", "rtsp://admin:p%40ss%2Fw%3Ard@10.0.0.5/x")]
    [InlineData("ad min", "", "rtsp://ad%20min@10.0.0.5/x")]
    public void WithUserInfo_PercentEncodesAndParsesBack(string username, string password, string expected)
    {
        var url = SourceUrl.WithUserInfo("rtsp://10.0.0.5/x", username, password);

        url.Should().Be(expected);
        SourceUrl.TryParse(url, SourceUrl.StreamSchemes, out var parsed, out _).Should().BeTrue();
        parsed!.Username.Should().Be(username);
        (parsed.Password ?? string.Empty).Should().Be(password);
    }

    [Fact]
    public void ParsedSourceUrl_ToString_HidesThePassword() =>
        new ParsedSourceUrl("rtsp://h/x", "admin", "Sup3rSecret").ToString().Should().NotContain("Sup3rSecret").And.Contain("admin");

    [Fact]
    public async Task TryParse_RandomInput_NeverThrows()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var prefixes = new[] { "rtsp://", "rtsps://", "rtsp://u:p@", "http://", string.Empty };
            var random = new Random(5);
            var accepted = 0;
            foreach (var tail in Fuzz.Strings(seed: 5, count: 20_000, alphabet: "abc019.:/@?#%[]-_", maxLength: 40))
            {
                var text = prefixes[random.Next(prefixes.Length)] + tail;
                if (SourceUrl.TryParse(text, SourceUrl.StreamSchemes, out var parsed, out var error))
                {
                    accepted++;
                    parsed!.Url.Should().StartWith("rtsp");
                    parsed.Url.Should().NotContain("#");
                    Uri.TryCreate(parsed.Url, UriKind.Absolute, out var uri).Should().BeTrue();
                    uri!.UserInfo.Should().BeEmpty("user info is always cut out");
                }
                else
                {
                    error.Should().NotBeNullOrWhiteSpace();
                }
            }

            accepted.Should().BeGreaterThan(100);
        });
    }
}
