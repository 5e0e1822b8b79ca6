using System.Text.Json.Serialization;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>A camera was configured. Its passwords are protected: the constructor refuses plaintext ones.</summary>
[JournalType("camera.added.v1")]
public sealed record CameraAdded : ICameraEvent
{
    /// <exception cref="ArgumentException"><paramref name="camera"/> still holds a plaintext password.</exception>
    public CameraAdded(CameraDefinition camera) => Camera = CameraEvents.EnsureProtected(camera);

    public CameraDefinition Camera { get; }

    [JsonIgnore]
    public CameraId CameraId => Camera.Id;

    /// <summary>The event for a validated definition, protecting its passwords on the way.</summary>
    public static CameraAdded Create(CameraDefinition camera, ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return new(camera.ProtectCredentials(protector));
    }
}
