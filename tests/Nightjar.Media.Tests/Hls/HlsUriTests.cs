using Nightjar.Media.Hls;

namespace Nightjar.Media.Tests.Hls;

public sealed class HlsUriTests
{
    [Theory]
    [InlineData("/cam/f/1.ts", "/cam/f/1.ts?token=abc")]
    [InlineData("/cam/f/1.ts?x=1", "/cam/f/1.ts?x=1&token=abc")]
    [InlineData("/cam/f/1.ts?", "/cam/f/1.ts?token=abc")]
    [InlineData("/cam/f/1.ts#frag", "/cam/f/1.ts?token=abc#frag")]
    public void WithQuery_AppendsTheParameterWhereItBelongs(string uri, string expected)
    {
        HlsUri.WithQuery(uri, "token", "abc").Should().Be(expected);
    }

    [Fact]
    public void WithQuery_EscapesTheValue()
    {
        HlsUri.WithQuery("/x.ts", "token", "a&b=c d").Should().Be("/x.ts?token=a%26b%3Dc%20d");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void WithQuery_NoValue_LeavesTheUriAlone(string? value)
    {
        HlsUri.WithQuery("/x.ts", "token", value).Should().Be("/x.ts");
    }
}
