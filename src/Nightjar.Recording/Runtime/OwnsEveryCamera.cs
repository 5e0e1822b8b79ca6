using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime;

/// <summary>A single node's <see cref="ICameraOwnership"/>: it records every camera, and that never changes.</summary>
public sealed class OwnsEveryCamera : ICameraOwnership
{
    public static OwnsEveryCamera Instance { get; } = new();

    private OwnsEveryCamera()
    {
    }

    /// <inheritdoc/>
    public event Action? Changed
    {
        add { }
        remove { }
    }

    /// <inheritdoc/>
    public bool Owns(CameraId camera) => true;
}
