using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>A run of a stream ended.</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="Stream">The stream's name (<c>main</c>).</param>
/// <param name="RunId">The run that ended.</param>
/// <param name="At">When it ended.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="LastError">
/// The last error line of the source, if any. It often quotes the source URL, so it is redacted
/// (<see cref="RedactedUrl.InText"/>) and cut to <see cref="MaxErrorLength"/> characters when the event is built.
/// </param>
[JournalType("stream.source-closed.v1")]
public sealed record SourceClosed(
    CameraId CameraId,
    string Stream,
    string RunId,
    DateTimeOffset At,
    SourceCloseReason Reason,
    string? LastError) : ICameraEvent
{
    public const int MaxErrorLength = 1000;

    // Bound before redacting (regex work stays small), redact before cutting (a cut must not split a URL into a
    // form the redactor no longer recognises and leave half a password behind).
    private const int MaxInspectedLength = 16 * 1024;

    public string Stream { get; init => field = CameraEvents.EnsureStreamName(value); } = CameraEvents.EnsureStreamName(Stream);

    public string RunId { get; init => field = CameraEvents.EnsureRunId(value); } = CameraEvents.EnsureRunId(RunId);

    public string? LastError { get; init => field = Sanitize(value); } = Sanitize(LastError);

    private static string? Sanitize(string? error)
    {
        if (error is null)
        {
            return null;
        }

        var redacted = RedactedUrl.InText(error.Length > MaxInspectedLength ? error[..MaxInspectedLength] : error);
        return redacted.Length > MaxErrorLength ? redacted[..MaxErrorLength] : redacted;
    }
}
