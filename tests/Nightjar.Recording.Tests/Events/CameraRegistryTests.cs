using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Events;

public sealed class CameraRegistryTests
{
    private static readonly Nightjar.Recording.Access.ISecretProtector Protector = Protectors.Create();

    [Fact]
    public void Apply_AddUpdateRemove_KeepsAVersionedSnapshot()
    {
        var lobby = Samples.Camera().ProtectCredentials(Protector);
        var hall = Samples.Camera("hall").ProtectCredentials(Protector);

        var added = CameraRegistry.Empty.ApplyAll([new CameraAdded(lobby), new CameraAdded(hall)]);
        var updated = added.Apply(new CameraUpdated(lobby with { Name = "Lobby (east)" }));
        var removed = updated.Apply(new CameraRemoved(new CameraId("hall")));

        added.Version.Should().Be(2);
        added.Cameras.Select(c => c.Id.Value).Should().Equal("hall", "lobby");
        updated.Version.Should().Be(3);
        updated.Find(new CameraId("lobby"))!.Name.Should().Be("Lobby (east)");
        added.Find(new CameraId("lobby"))!.Name.Should().Be("Lobby", "older snapshots never change");
        removed.Version.Should().Be(4);
        removed.Contains(new CameraId("hall")).Should().BeFalse();
        removed.Count.Should().Be(1);
    }

    [Fact]
    public void Apply_IsTotalAndSkipsNoOps()
    {
        var lobby = Samples.Camera().ProtectCredentials(Protector);
        var registry = CameraRegistry.Empty.Apply(new CameraAdded(lobby));

        registry.Apply(new CameraAdded(lobby)).Should().BeSameAs(registry, "the same definition again changes nothing");
        registry.Apply(new CameraRemoved(new CameraId("ghost"))).Should().BeSameAs(registry);
        registry.Apply(new ApiKeyRevoked("x", DateTimeOffset.UnixEpoch)).Should().BeSameAs(registry);
        CameraRegistry.Empty.Apply(new CameraUpdated(lobby)).Contains(lobby.Id).Should().BeTrue("an update of an unknown camera still records it");
    }
}
