using System.Text;
using System.Text.Json;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Tests.Support;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Tests.Cameras.Api;

/// <summary>PUT semantics: full replace, fixed id, write-only passwords.</summary>
public sealed class CameraReplaceTests
{
    private static readonly CameraId Lobby = new("lobby");

    [Fact]
    public void ParseReplace_WithoutId_UsesTheRouteId()
    {
        var camera = Replace("""{"name": "Lobby 2", "streams": [{"name": "main", "url": "rtsp://h/s"}]}""", existing: null).GetValueOrThrow();

        camera.Id.Should().Be(Lobby);
        camera.Name.Should().Be("Lobby 2");
    }

    [Fact]
    public void ParseReplace_WithOtherId_IsRefused()
    {
        var errors = Replace("""{"id": "hall", "name": "X", "streams": [{"name": "main", "url": "rtsp://h/s"}]}""", existing: null).Errors;

        errors.Should().ContainSingle().Which.Field.Should().Be("id");
        errors[0].Message.Should().Contain("'lobby'");
    }

    [Fact]
    public void ParseReplace_IsAFullReplace_LeftOutFieldsTakeTheirDefaults()
    {
        var existing = Samples.Camera();

        var camera = Replace("""{"id": "lobby", "name": "Lobby", "streams": [{"name": "main", "url": "rtsp://10.0.0.5/stream1"}]}""", existing).GetValueOrThrow();

        camera.Dvr.Should().Be(Nightjar.Recording.Policies.DvrPolicy.Default);
        camera.Events.Should().BeNull();
        camera.Labels.Should().BeEmpty();
        camera.Audio.Should().Be(AudioMode.Drop);
        camera.PrimaryStream.Credentials.Should().BeNull("no user was named, so no login is kept");
    }

    [Fact]
    public void ParseReplace_SameUserWithoutPassword_KeepsTheStoredProtectedPassword()
    {
        var protector = Protectors.Create();
        var existing = Samples.Camera().ProtectCredentials(protector);

        var camera = Replace(
            """{"name": "Lobby", "streams": [{"name": "main", "url": "rtsp://10.0.0.6/new", "username": "user"}], "events": {"kind": "hikvision", "url": "http://admin@10.0.0.6"}}""",
            existing).GetValueOrThrow();

        camera.PrimaryStream.Url.Should().Be("rtsp://10.0.0.6/new");
        camera.PrimaryStream.Credentials.Should().BeSameAs(existing.PrimaryStream.Credentials);
        camera.Events!.Credentials.Should().BeSameAs(existing.Events!.Credentials);
        camera.HasPlaintextCredentials.Should().BeFalse();
        camera.UnprotectCredentials(protector).PrimaryStream.Credentials!.Password.Should().Be(Samples.StreamPassword);
    }

    [Fact]
    public void ParseReplace_OtherUserOrNewPasswordOrEmptyPassword_ReplacesTheStoredOne()
    {
        var existing = Samples.Camera().ProtectCredentials(Protectors.Create());

        Stream("""{"name": "main", "url": "rtsp://h/s", "username": "other"}""", existing).Credentials.Should().Be(new Credentials("other", string.Empty));
        Stream("""{"name": "main", "url": "rtsp://h/s", "username": "user", "password": "n3w"}""", existing).Credentials.Should().Be(new Credentials("user", "n3w"));
        Stream("""{"name": "main", "url": "rtsp://user:@h/s"}""", existing).Credentials.Should().Be(new Credentials("user", string.Empty));
        Stream("""{"name": "renamed", "url": "rtsp://user@h/s"}""", existing).Credentials.Should().Be(new Credentials("user", string.Empty), "passwords are kept per stream name");
    }

    [Fact]
    public void ParseReplace_ExistingOfAnotherCamera_IsNotUsedForSecrets()
    {
        var other = Samples.Camera("hall").ProtectCredentials(Protectors.Create());

        Stream("""{"name": "main", "url": "rtsp://user@h/s"}""", other).Credentials.Should().Be(new Credentials("user", string.Empty));
    }

    [Fact]
    public void GetThenPut_UnchangedBody_GivesTheSameDefinition()
    {
        var existing = Samples.Camera().ProtectCredentials(Protectors.Create());
        var body = JsonSerializer.Serialize(CameraResponse.From(existing));

        var camera = Replace(body, existing).GetValueOrThrow();

        camera.Should().Be(existing);
    }

    private static StreamDefinition Stream(string streamJson, CameraDefinition existing) =>
        Replace($$"""{"name": "Lobby", "streams": [{{streamJson}}]}""", existing).GetValueOrThrow().Streams[0];

    private static ValidationResult<CameraDefinition> Replace(string json, CameraDefinition? existing) =>
        CameraRequestValidator.ParseReplace(Lobby, Encoding.UTF8.GetBytes(json), existing);
}
