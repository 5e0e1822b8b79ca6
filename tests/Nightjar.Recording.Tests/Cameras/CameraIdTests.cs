using System.Text.Json;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Cameras;

public sealed class CameraIdTests
{
    [Theory]
    [InlineData("lobby")]
    [InlineData("a")]
    [InlineData("cam_01-east")]
    [InlineData("paris_lobby")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void TryParse_ValidIds_Succeed(string text)
    {
        CameraId.TryParse(text, out var id, out var error).Should().BeTrue(error);
        id.Value.Should().Be(text);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("Lobby", "a-z")]
    [InlineData("lob by", "a-z")]
    [InlineData("lobby.1", "a-z")]
    [InlineData("lobby/main", "a-z")]
    [InlineData("café", "a-z")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234", "1 to 64")]
    [InlineData("api", "reserved")]
    [InlineData("openapi", "reserved")]
    [InlineData("health", "reserved")]
    [InlineData("ui", "reserved")]
    [InlineData("metrics", "reserved")]
    public void TryParse_InvalidOrReservedIds_Fail(string? text, string reason)
    {
        CameraId.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(reason);
        FluentActions.Invoking(() => new CameraId(text!)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Equality_AndOrder_AreOrdinal()
    {
        new CameraId("lobby").Should().Be(new CameraId("lobby"));
        (new CameraId("a") < new CameraId("b")).Should().BeTrue();
        (new CameraId("lobby2") > new CameraId("lobby")).Should().BeTrue();
        default(CameraId).Value.Should().BeEmpty();
    }

    [Fact]
    public void Json_IsAPlainStringAndRejectsInvalidIds()
    {
        JsonSerializer.Serialize(new CameraId("lobby")).Should().Be("\"lobby\"");
        JsonSerializer.Deserialize<CameraId>("\"lobby\"").Should().Be(new CameraId("lobby"));
        FluentActions.Invoking(() => JsonSerializer.Deserialize<CameraId>("\"api\"")).Should().Throw<JsonException>();
        FluentActions.Invoking(() => JsonSerializer.Deserialize<CameraId>("5")).Should().Throw<JsonException>();
    }

    [Fact]
    public async Task TryParse_RandomInput_NeverThrows()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            foreach (var text in Fuzz.Strings(seed: 4, count: 10_000, alphabet: "abcxyz019_-", maxLength: 70))
            {
                if (CameraId.TryParse(text, out var id, out var error))
                {
                    id.Value.Should().MatchRegex("^[a-z0-9_-]{1,64}$");
                }
                else
                {
                    error.Should().NotBeNullOrWhiteSpace();
                }
            }
        });
    }
}
