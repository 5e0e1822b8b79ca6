using Nightjar.Recording.EventSinks;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.EventSinks;

public sealed class EventSinkValidatorTests
{
    private const string Id = "0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Nightjar.Recording.Access.ISecretProtector Protector = Protectors.Create();

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("/var/run/hook.sock")]
    [InlineData("hook.example.com/events")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("unix:/run/hook.sock")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http:///nohost")]
    [InlineData("http://exa mple.com/")]
    [InlineData("https://example.com/hook#frag")]
    [InlineData("")]
    public void Validate_NotAnHttpUrl_IsRefusedNamingUrl(string url)
    {
        var result = EventSinkValidator.Validate(Id, new EventSinkRequest { Url = url }, null, Protector, Now);

        result.IsValid.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Field.Should().Be("url");
    }

    [Fact]
    public void Validate_FullRequest_ProtectsEverySecretAndNormalizesLists()
    {
        var request = new EventSinkRequest
        {
            Name = "Ops webhook",
            Url = "https://ops:pa55word@hooks.example.com/nightjar?token=abc",
            Types = ["camera_alarm", "camera_alarm", "camera_event"],
            Cameras = ["lobby"],
            Headers = new Dictionary<string, string> { ["X-Token"] = "t0ken-value" },
            SecretAction = EventSinkSecretAction.Set,
            Secret = "0123456789abcdef0123",
            BatchSize = 50,
            From = "start",
        };

        var sink = EventSinkValidator.Validate(Id, request, null, Protector, Now).Value!;

        sink.DisplayUrl.Should().Be("https://ops:***@hooks.example.com/nightjar?token=***");
        Protector.Unprotect(sink.ProtectedUrl).Should().Be(request.Url);
        Protector.Unprotect(sink.Headers["x-token"]).Should().Be("t0ken-value");
        Protector.Unprotect(sink.ProtectedSecret!).Should().Be("0123456789abcdef0123");
        sink.Types.Should().Equal("camera_alarm", "camera_event");
        sink.ToString().Should().NotContain("pa55word").And.NotContain("t0ken-value").And.NotContain(sink.ProtectedSecret!);
        (sink.BatchSize, sink.From, sink.Epoch, sink.Name).Should().Be((50, EventSinkStart.Start, 1L, "Ops webhook"));
    }

    [Theory]
    [InlineData("Content-Type")]
    [InlineData("host")]
    [InlineData("X-Nightjar-Signature")]
    [InlineData("Bad Header")]
    [InlineData("")]
    public void Validate_ReservedOrInvalidHeaderName_IsRefused(string name)
    {
        var request = new EventSinkRequest { Url = "http://h/x", Headers = new Dictionary<string, string> { [name] = "v" } };

        EventSinkValidator.Validate(Id, request, null, Protector, Now).Errors.Should().ContainSingle().Which.Field.Should().StartWith("headers");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("line\nbreak-0123456789")]
    public void Validate_WeakOrControlSecret_IsRefused(string secret) =>
        EventSinkValidator.Validate(Id, new EventSinkRequest { Url = "http://h/x", SecretAction = EventSinkSecretAction.Set, Secret = secret }, null, Protector, Now)
            .Errors.Should().ContainSingle().Which.Field.Should().Be("secret");

    [Theory]
    [InlineData(0L, null)]
    [InlineData(1001L, null)]
    [InlineData(10L, "yesterday")]
    public void Validate_BadBatchSizeOrFrom_IsRefused(long batchSize, string? from) =>
        EventSinkValidator.Validate(Id, new EventSinkRequest { Url = "http://h/x", BatchSize = batchSize, From = from }, null, Protector, Now).IsValid.Should().BeFalse();

    [Fact]
    public void Validate_ReplaceWithMaskedValues_KeepsTheStoredSecretsAndEpoch()
    {
        var created = EventSinkValidator.Validate(Id, new EventSinkRequest
        {
            Url = "https://u:pw-secret@h/x",
            Headers = new Dictionary<string, string> { ["X-Token"] = "t0ken" },
            SecretAction = EventSinkSecretAction.Set,
            Secret = "0123456789abcdef0123",
        }, null, Protector, Now).Value!;

        var replaced = EventSinkValidator.Validate(Id, new EventSinkRequest
        {
            Url = created.DisplayUrl,
            Headers = new Dictionary<string, string> { ["X-Token"] = "***" },
            SecretAction = EventSinkSecretAction.Keep,
            Name = "renamed",
        }, created, Protector, Now.AddMinutes(1)).Value!;

        replaced.SameDelivery(created).Should().BeTrue();
        replaced.Name.Should().Be("renamed");
        replaced.CreatedAt.Should().Be(Now);
        replaced.UpdatedAt.Should().Be(Now.AddMinutes(1));

        var reset = EventSinkValidator.Validate(Id, new EventSinkRequest { Url = created.DisplayUrl, From = "now" }, created, Protector, Now).Value!;
        reset.Epoch.Should().Be(2);
        reset.ProtectedSecret.Should().Be(created.ProtectedSecret, "an absent secret keeps the stored one on replace");
        reset.Headers.Should().BeEmpty("headers are replaced as a whole");
    }

    [Fact]
    public void Validate_MaskWithoutStoredValue_IsRefused()
    {
        var result = EventSinkValidator.Validate(Id, new EventSinkRequest
        {
            Url = "https://u:***@h/x",
            Headers = new Dictionary<string, string> { ["X-Token"] = "***" },
            SecretAction = EventSinkSecretAction.Keep,
        }, null, Protector, Now);

        result.Errors.Select(e => e.Field).Should().BeEquivalentTo("url", "headers.X-Token", "secret");
    }
}
