using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Retention;
using Nightjar.Recording.Access;
using Nightjar.Server.Tests.Api;

namespace Nightjar.Server.Tests.Retention;

public sealed class RetentionAwareCameraManagerTests
{
    private readonly FakeCameraManager _inner = new(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()));
    private int _passes;

    private RetentionAwareCameraManager Manager => new(_inner, () => _passes++);

    [Fact]
    public async Task AcceptedCommands_EachAskForAPassAfterTheRegistryChanged()
    {
        var manager = Manager;
        var passesSeenWithCamera = new List<bool>();
        var watching = new RetentionAwareCameraManager(_inner, () => passesSeenWithCamera.Add(_inner.Registry.Contains(new CameraId("lobby"))));

        (await watching.AddAsync(Camera("lobby"), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Ok);
        (await manager.ReplaceAsync(Camera("lobby", "\"dvr\": {\"depth\": \"1d\"}"), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Ok);
        (await manager.RemoveAsync(new CameraId("lobby"), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Ok);

        passesSeenWithCamera.Should().Equal([true], "the pass is asked for once the new camera is in the registry it reads");
        _passes.Should().Be(2);
    }

    [Fact]
    public async Task RejectedCommands_AskForNothing()
    {
        var manager = Manager;
        await _inner.AddAsync(Camera("lobby"), CancellationToken.None);

        (await manager.AddAsync(Camera("lobby"), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Conflict);
        (await manager.ReplaceAsync(Camera("ghost"), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.NotFound);
        (await manager.RemoveAsync(new CameraId("ghost"), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.NotFound);

        _passes.Should().Be(0);
    }

    [Fact]
    public async Task ReadsAndStatus_AreTheInnerManagers()
    {
        var manager = Manager;
        await _inner.AddAsync(Camera("lobby"), CancellationToken.None);

        manager.Registry.Should().BeSameAs(_inner.Registry);
        (await manager.GetStatusAsync(new CameraId("lobby"), CancellationToken.None))!.Camera.Should().Be(new CameraId("lobby"));
        _passes.Should().Be(0);
    }

    private static CameraDefinition Camera(string id, string? dvr = null) =>
        CameraRequestValidator.ParseCreate(Encoding.UTF8.GetBytes(
            $$"""{"id": "{{id}}", "name": "Camera {{id}}", "streams": [{"name": "main", "url": "rtsp://10.0.0.5/stream1"}]{{(dvr is null ? string.Empty : ", " + dvr)}}}""")).GetValueOrThrow();
}
