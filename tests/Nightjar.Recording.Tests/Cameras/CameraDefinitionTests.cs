using System.Collections.Immutable;
using System.Text.Json;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Cameras;

public sealed class CameraDefinitionTests
{
    [Fact]
    public void ToString_OfEveryRecord_NeverShowsAPassword()
    {
        var camera = Samples.Camera();
        var protectedCamera = camera.ProtectCredentials(Protectors.Create());

        foreach (var text in new[]
        {
            camera.ToString(), camera.Streams[0].ToString(), camera.Events!.ToString(), camera.Streams[0].Credentials!.ToString(),
            protectedCamera.ToString(), protectedCamera.Streams[0].ToString(),
        })
        {
            text.Should().NotContain(Samples.StreamPassword).And.NotContain(Samples.EventPassword);
        }

        protectedCamera.ToString().Should().NotContain(protectedCamera.Streams[0].Credentials!.Password);
        camera.ToString().Should().Contain("lobby").And.Contain("main").And.Contain("site = paris").And.Contain("rtsp://10.0.0.5/stream1");
    }

    [Fact]
    public void StreamToString_MasksSecretQueryParameters()
    {
        var stream = new StreamDefinition("main", "rtsp://h/live?user=a&password=Sup3r", null, null);

        stream.ToString().Should().NotContain("Sup3r");
        stream.ToDisplayUrl().Should().Be("rtsp://h/live?user=a&password=***");
    }

    [Fact]
    public void Equality_ComparesStreamsAndLabelsByValue()
    {
        Samples.Camera().Should().Be(Samples.Camera());
        Samples.Camera().GetHashCode().Should().Be(Samples.Camera().GetHashCode());
        Samples.Camera().Should().NotBe(Samples.Camera(streamPassword: "other"));
        Samples.Camera().Should().NotBe(Samples.Camera() with { Labels = ImmutableSortedDictionary<string, string>.Empty });
        Samples.Camera().Should().NotBe(Samples.Camera("lobby2"));
    }

    [Fact]
    public void DefaultCollections_AreNormalised()
    {
        var camera = new CameraDefinition(new CameraId("x"), "X", default, null!, null, null!);

        camera.Streams.IsDefault.Should().BeFalse();
        camera.Streams.Should().BeEmpty();
        camera.Labels.Should().BeEmpty();
        camera.Dvr.Should().Be(DvrPolicy.Default);
        camera.Audio.Should().Be(AudioMode.Drop);
        camera.Enabled.Should().BeTrue();
        FluentActions.Invoking(() => camera.PrimaryStream).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void ProtectCredentials_ProtectsEveryPasswordAndUnprotectRestoresThem()
    {
        var protector = Protectors.Create();
        var camera = Samples.Camera();
        camera.HasPlaintextCredentials.Should().BeTrue();

        var stored = camera.ProtectCredentials(protector);

        stored.HasPlaintextCredentials.Should().BeFalse();
        stored.Streams[0].Credentials!.Password.Should().NotBe(Samples.StreamPassword);
        stored.Events!.Credentials!.Password.Should().NotBe(Samples.EventPassword);
        stored.UnprotectCredentials(protector).Should().Be(camera);
    }

    [Fact]
    public void ResolveSourceUrl_PutsPlaintextCredentialsBackForIngest()
    {
        var protector = Protectors.Create();
        var stored = Samples.Camera(streamPassword: "p@ss/1").ProtectCredentials(protector);

        stored.PrimaryStream.ResolveSourceUrl(protector).Should().Be("rtsp://user:p%40ss%2F1@10.0.0.5/stream1");
        stored.Streams[1].ResolveSourceUrl(protector).Should().Be("rtsp://10.0.0.5/stream2");
        stored.PrimaryStream.ToDisplayUrl().Should().Be("rtsp://user:***@10.0.0.5/stream1");
        stored.Events!.ResolveCredentials(protector)!.Password.Should().Be(Samples.EventPassword);
    }

    [Fact]
    public void FindStream_IsExact()
    {
        var camera = Samples.Camera();

        camera.FindStream("sub")!.Record.Should().BeFalse();
        camera.FindStream("SUB").Should().BeNull();
        camera.PrimaryStream.Name.Should().Be("main");
    }

    [Fact]
    public void Json_WithWebDefaults_RoundTripsTheProtectedForm()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var stored = Samples.Camera().ProtectCredentials(Protectors.Create());

        var json = JsonSerializer.Serialize(stored, options);
        var back = JsonSerializer.Deserialize<CameraDefinition>(json, options);

        back.Should().Be(stored);
        json.Should().NotContain(Samples.StreamPassword).And.NotContain(Samples.EventPassword);
        json.Should().Contain("\"audio\":\"copy\"").And.Contain("\"depth\":\"7d\"").And.Contain("\"id\":\"lobby\"");
        json.Should().NotContain("primaryStream").And.NotContain("hasPlaintextCredentials").And.NotContain("hasPassword");
    }
}
