using System.Text.Json.Serialization;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>A camera's configuration was replaced as a whole (PUT). Passwords are protected, as in <see cref="CameraAdded"/>.</summary>
[JournalType("camera.updated.v1")]
public sealed record CameraUpdated : ICameraEvent
{
    /// <exception cref="ArgumentException"><paramref name="camera"/> still holds a plaintext password.</exception>
    public CameraUpdated(CameraDefinition camera) => Camera = CameraEvents.EnsureProtected(camera);

    public CameraDefinition Camera { get; }

    [JsonIgnore]
    public CameraId CameraId => Camera.Id;

    public static CameraUpdated Create(CameraDefinition camera, ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return new(camera.ProtectCredentials(protector));
    }
}
