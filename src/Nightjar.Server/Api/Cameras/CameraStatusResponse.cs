using Nightjar.Recording.Devices;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Api.Cameras;

/// <summary><c>GET /api/v1/cameras/{id}/status</c>: the camera's streams as ingest sees them right now, and its event source.</summary>
/// <param name="Camera">The camera id.</param>
/// <param name="Enabled">False when the camera is configured but not recorded.</param>
/// <param name="Streams">Each stream's ingest state.</param>
/// <param name="EventSource">The device event connection; null when the camera has none running (none configured, or disabled).</param>
internal sealed record CameraStatusResponse(
    string Camera,
    bool Enabled,
    IReadOnlyList<StreamStatusResponse> Streams,
    EventSourceStatusResponse? EventSource = null)
{
    public static CameraStatusResponse From(CameraStatus status, EventSourceStatus? eventSource = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(
            status.Camera.Value,
            status.Enabled,
            [.. status.Streams.Select(StreamStatusResponse.From)],
            eventSource is null ? null : EventSourceStatusResponse.From(eventSource));
    }
}
