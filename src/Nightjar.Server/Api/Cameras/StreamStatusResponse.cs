using Nightjar.Recording.Runtime;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Cameras;

/// <summary>One stream in a <see cref="CameraStatusResponse"/>.</summary>
/// <param name="Name">The stream name (<c>main</c>).</param>
/// <param name="State"><c>starting</c>, <c>recording</c>, <c>reconnecting</c>, <c>failed</c> or <c>disabled</c>.</param>
/// <param name="BitrateKbps">Measured ingest bitrate; null before the first measurement.</param>
/// <param name="LastSegmentAt">When the last recording file was closed.</param>
/// <param name="Restarts">Ingest restarts since the stream started.</param>
/// <param name="LastError">Why the last run ended, with passwords masked.</param>
/// <param name="RunId">The current ingest run.</param>
/// <param name="Since">When the stream entered <paramref name="State"/>.</param>
internal sealed record StreamStatusResponse(
    string Name,
    string State,
    double? BitrateKbps,
    DateTimeOffset? LastSegmentAt,
    int Restarts,
    string? LastError,
    string? RunId,
    DateTimeOffset? Since)
{
    public static StreamStatusResponse From(StreamStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(
            status.Stream,
            NameOf(status.State),
            status.BitrateKbps,
            status.LastSegmentAt,
            status.Restarts,
            // The engine redacts already; a camera URL in an error is the classic leak, so mask once more here.
            status.LastError is { } error && error.Contains("://", StringComparison.Ordinal) ? SecretRedactor.RedactUrl(error) : status.LastError,
            status.RunId,
            status.Since);
    }

    public static string NameOf(StreamState state) => state switch
    {
        StreamState.Starting => "starting",
        StreamState.Recording => "recording",
        StreamState.Reconnecting => "reconnecting",
        StreamState.Failed => "failed",
        StreamState.Disabled => "disabled",
        _ => "unknown",
    };
}
