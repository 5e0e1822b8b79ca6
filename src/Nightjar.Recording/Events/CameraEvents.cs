using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>Guards shared by the camera configuration events.</summary>
internal static class CameraEvents
{
    public static CameraDefinition EnsureProtected(CameraDefinition camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return camera.HasPlaintextCredentials
            ? throw new ArgumentException($"Camera '{camera.Id}' holds a plaintext password; protect it (ProtectCredentials) before it goes into an event.", nameof(camera))
            : camera;
    }

    public static string EnsureStreamName(string stream) =>
        StreamNames.IsValid(stream) ? stream : throw new ArgumentException("Not a valid stream name.", nameof(stream));

    public static string EnsureRunId(string runId) =>
        !string.IsNullOrEmpty(runId) && runId.Length <= 64 && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? runId
            : throw new ArgumentException("A run id is 1 to 64 characters of [A-Za-z0-9_-] (a ULID, say).", nameof(runId));
}
