using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Api.Cameras;

/// <summary><c>GET /api/v1/cameras/{id}/status</c>: the camera's streams as ingest sees them right now.</summary>
internal sealed record CameraStatusResponse(string Camera, bool Enabled, IReadOnlyList<StreamStatusResponse> Streams)
{
    public static CameraStatusResponse From(CameraStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.Camera.Value, status.Enabled, [.. status.Streams.Select(StreamStatusResponse.From)]);
    }
}
