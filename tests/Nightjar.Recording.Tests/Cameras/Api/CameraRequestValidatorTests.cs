using System.Text;
using System.Text.Json;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Tests.Support;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Tests.Cameras.Api;

public sealed class CameraRequestValidatorTests
{
    private const string Minimal = """{"id": "door", "name": "Door", "streams": [{"name": "main", "url": "rtsp://10.0.0.9/s"}]}""";

    [Fact]
    public void ParseCreate_TheDesignExample_GivesTheFullDefinition()
    {
        var camera = Create(Samples.FullRequestJson).GetValueOrThrow();

        camera.Id.Should().Be(new CameraId("lobby"));
        camera.Name.Should().Be("Lobby");
        camera.Streams.Should().HaveCount(2);
        camera.Streams[0].Should().Be(new StreamDefinition("main", "rtsp://10.0.0.5/stream1", new Credentials("user", Samples.StreamPassword), 1000));
        camera.Streams[1].Should().Be(new StreamDefinition("sub", "rtsp://10.0.0.5/stream2", new Credentials("viewer", Samples.StreamPassword), null, Record: false));
        camera.Dvr.Should().Be(new DvrPolicy(DepthLimit.Parse("7d"), DepthLimit.Parse("30d"), ByteSize.Parse("100GB"), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)));
        camera.Events.Should().Be(new EventSourceDefinition("hikvision", "http://10.0.0.5", new Credentials("admin", Samples.EventPassword), 1));
        camera.Labels.Should().Equal(new Dictionary<string, string> { ["floor"] = "0", ["site"] = "paris" });
        camera.Enabled.Should().BeTrue();
        camera.Audio.Should().Be(AudioMode.Copy);
    }

    [Fact]
    public void ParseCreate_Minimal_FillsTheDefaults()
    {
        var camera = Create(Minimal).GetValueOrThrow();

        camera.Dvr.Should().Be(DvrPolicy.Default);
        camera.Events.Should().BeNull();
        camera.Labels.Should().BeEmpty();
        camera.Enabled.Should().BeTrue();
        camera.Audio.Should().Be(AudioMode.Drop);
        camera.PrimaryStream.Should().Be(new StreamDefinition("main", "rtsp://10.0.0.9/s", null, null, Record: true));
    }

    [Fact]
    public void ParseCreate_EmptyObject_ReportsEveryMissingField()
    {
        Fields(Create("{}")).Should().BeEquivalentTo("id", "name", "streams");
    }

    [Theory]
    [InlineData("""{"id": "api"}""", "id", "reserved")]
    [InlineData("""{"id": "Lobby"}""", "id", "a-z")]
    [InlineData("""{"name": "   "}""", "name", "is required")]
    [InlineData("""{"name": "a\u0007b"}""", "name", "control characters")]
    [InlineData("""{"streams": []}""", "streams", "at least one")]
    [InlineData("""{"streams": [null]}""", "streams[0]", "must be an object")]
    [InlineData("""{"streams": [{"url": "rtsp://h/s"}]}""", "streams[0].name", "is required")]
    [InlineData("""{"streams": [{"name": "Main", "url": "rtsp://h/s"}]}""", "streams[0].name", "a-z")]
    [InlineData("""{"streams": [{"name": "main"}]}""", "streams[0].url", "is required")]
    [InlineData("""{"streams": [{"name": "main", "url": "http://h/s"}]}""", "streams[0].url", "rtsp://")]
    [InlineData("""{"streams": [{"name": "main", "url": "rtsp:///s"}]}""", "streams[0].url", "with a host")]
    [InlineData("""{"streams": [{"name": "main", "url": "rtsp://h/s", "expectedBitrateKbps": 0}]}""", "streams[0].expectedBitrateKbps", "from 1 to 1000000")]
    [InlineData("""{"streams": [{"name": "main", "url": "rtsp://h/s", "expectedBitrateKbps": 1000001}]}""", "streams[0].expectedBitrateKbps", "from 1 to 1000000")]
    [InlineData("""{"streams": [{"name": "main", "url": "rtsp://u:p@h/s", "username": "u"}]}""", "streams[0].url", "in one place")]
    [InlineData("""{"streams": [{"name": "main", "url": "rtsp://h/s", "password": "p"}]}""", "streams[0].password", "needs a username")]
    [InlineData("""{"streams": [{"name": "main", "url": "rtsp://h/s", "username": ""}]}""", "streams[0].username", "must not be empty")]
    [InlineData("""{"streams": [{"name": "main", "url": "rtsp://h/s", "username": "a\nb"}]}""", "streams[0].username", "control characters")]
    [InlineData("""{"dvr": {"depth": "7 days"}}""", "dvr.depth", "duration")]
    [InlineData("""{"dvr": {"depth": "0d"}}""", "dvr.depth", "greater than zero")]
    [InlineData("""{"dvr": {"motionDepth": "soon"}}""", "dvr.motionDepth", "duration")]
    [InlineData("""{"dvr": {"space": "0GB"}}""", "dvr.space", "greater than zero")]
    [InlineData("""{"dvr": {"space": "100"}}""", "dvr.space", "no unit")]
    [InlineData("""{"dvr": {"preAlarm": "2h"}}""", "dvr.preAlarm", "between 0s and 1h")]
    [InlineData("""{"dvr": {"postAlarm": "x"}}""", "dvr.postAlarm", "duration")]
    [InlineData("""{"events": {"url": "http://h"}}""", "events.kind", "is required")]
    [InlineData("""{"events": {"kind": "dahua", "url": "http://h"}}""", "events.kind", "hikvision")]
    [InlineData("""{"events": {"kind": "hikvision", "url": "rtsp://h"}}""", "events.url", "http://")]
    [InlineData("""{"events": {"kind": "hikvision", "url": "http://h", "channel": 0}}""", "events.channel", "from 1 to 1024")]
    [InlineData("""{"labels": {"": "x"}}""", "labels", "invalid key")]
    [InlineData("""{"labels": {"-a": "x"}}""", "labels", "invalid key")]
    [InlineData("""{"labels": {"a": null}}""", "labels.a", "must be a string")]
    [InlineData("""{"labels": {"a": "x\u0000"}}""", "labels.a", "control characters")]
    [InlineData("""{"audio": "COPY"}""", "audio", "'drop', 'copy' or 'transcode'")]
    public void ParseCreate_InvalidField_IsReportedOnThatField(string json, string field, string message)
    {
        var errors = Create(json).Errors;

        errors.Should().Contain(e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal), string.Join("; ", errors));
    }

    [Fact]
    public void ParseCreate_DuplicateStreamNames_PointToTheFirst()
    {
        var errors = Create("""{"id": "x", "name": "X", "streams": [{"name": "main", "url": "rtsp://h/1"}, {"name": "main", "url": "rtsp://h/2"}]}""").Errors;

        errors.Should().ContainSingle().Which.Should().Be(new ValidationError("streams[1].name", "repeats the name of streams[0]; stream names must be unique"));
    }

    [Fact]
    public void ParseCreate_BoundsCountsAndLengths()
    {
        var tooMany = new
        {
            id = "x",
            name = new string('n', 201),
            streams = Enumerable.Range(0, 9).Select(i => new { name = "s" + i, url = "rtsp://h/" + i }),
            labels = Enumerable.Range(0, 33).ToDictionary(i => "k" + i, _ => "v"),
        };
        var longLabel = new { id = "x", name = "X", streams = new[] { new { name = "m", url = "rtsp://h/s" } }, labels = new Dictionary<string, string> { ["k"] = new string('v', 257) } };
        var longPassword = new { id = "x", name = "X", streams = new[] { new { name = "m", url = "rtsp://h/s", username = "u", password = new string('p', 257) } } };

        Fields(Create(JsonSerializer.Serialize(tooMany))).Should().BeEquivalentTo("name", "streams", "labels");
        Fields(Create(JsonSerializer.Serialize(longLabel))).Should().Equal("labels.k");
        Fields(Create(JsonSerializer.Serialize(longPassword))).Should().Equal("streams[0].password");
    }

    [Fact]
    public void ParseCreate_NameIsTrimmed() =>
        Create("""{"id": "x", "name": "  Front door ", "streams": [{"name": "m", "url": "rtsp://h/s"}]}""").GetValueOrThrow().Name.Should().Be("Front door");

    [Fact]
    public void ParseCreate_ErrorsNeverContainAPassword()
    {
        var json = """{"id": "x", "name": "X", "streams": [{"name": "m", "url": "rtsp://admin:Sup3rSecret@host:bad/s"}, {"name": "n", "url": "rtsp://h/s", "username": "u", "password": "Sup3rSecret\u0001"}]}""";

        var errors = Create(json).Errors;

        errors.Should().HaveCount(2);
        string.Join("\n", errors).Should().NotContain("Sup3rSecret");
    }

    [Fact]
    public void ParseCreate_UrlCredentialsAndFieldCredentials_NormaliseTheSame()
    {
        var inUrl = Create("""{"id": "x", "name": "X", "streams": [{"name": "m", "url": "rtsp://adm%40in:p%3As@h/s"}]}""").GetValueOrThrow();
        var inFields = Create("""{"id": "x", "name": "X", "streams": [{"name": "m", "url": "rtsp://h/s", "username": "adm@in", "password": "p:s"}]}""").GetValueOrThrow();

        inUrl.Should().Be(inFields);
        inUrl.PrimaryStream.Url.Should().Be("rtsp://h/s");
        inUrl.PrimaryStream.Credentials.Should().Be(new Credentials("adm@in", "p:s"));
    }

    [Fact]
    public void ParseCreate_UserWithoutPassword_HasAnEmptyPassword() =>
        Create("""{"id": "x", "name": "X", "streams": [{"name": "m", "url": "rtsp://admin@h/s"}]}""").GetValueOrThrow()
            .PrimaryStream.Credentials.Should().Be(new Credentials("admin", string.Empty));

    [Fact]
    public void ValidateCreate_ObjectModel_WorksWithoutJson()
    {
        var request = new CameraRequest
        {
            Id = "x",
            Name = "X",
            Streams = [new StreamRequest { Name = "main", Url = "rtsp://h/s", ExpectedBitrateKbps = 2000 }],
            Dvr = new DvrPolicyRequest { Depth = "unlimited", MotionDepth = "unlimited" },
        };

        var camera = CameraRequestValidator.ValidateCreate(request).GetValueOrThrow();

        camera.Dvr.Depth.IsUnlimited.Should().BeTrue();
        camera.Dvr.MotionDepth.Should().Be(DepthLimit.Unlimited);
    }

    private static ValidationResult<CameraDefinition> Create(string json) => CameraRequestValidator.ParseCreate(Encoding.UTF8.GetBytes(json));

    private static IEnumerable<string> Fields(ValidationResult<CameraDefinition> result) => result.Errors.Select(e => e.Field);
}
