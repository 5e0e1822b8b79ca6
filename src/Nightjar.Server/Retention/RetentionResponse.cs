using Nightjar.Recording.Retention;

namespace Nightjar.Server.Retention;

/// <summary>
/// <c>GET /api/v1/retention</c>: what this node's retention keeps and has deleted. Sizes are bytes (numbers), durations
/// are text as in the camera's <c>dvr</c> block (<c>7d</c>, <c>1d12h</c>), times RFC 3339.
/// </summary>
/// <param name="State">Whether retention runs; while it does not, <paramref name="Roots"/> and <paramref name="Cameras"/> are empty.</param>
/// <param name="Problem">Why it is degraded; null otherwise.</param>
/// <param name="At">When the report was made.</param>
/// <param name="Roots">Every storage root of the node.</param>
/// <param name="Cameras">Every camera with a policy or recordings on this node (removed cameras whose archive remains too).</param>
internal sealed record RetentionResponse(
    RetentionState State,
    string? Problem,
    DateTimeOffset At,
    IReadOnlyList<RetentionRootResponse> Roots,
    IReadOnlyList<RetentionCameraResponse> Cameras)
{
    public static RetentionResponse From(RetentionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new RetentionResponse(
            RetentionState.Running,
            null,
            report.At,
            [.. report.Roots.Select(RetentionRootResponse.From)],
            [.. report.Cameras.Select(RetentionCameraResponse.From)]);
    }

    /// <summary>The answer while retention does not run: its state and why, nothing else.</summary>
    public static RetentionResponse NotRunning(RetentionState state, string? problem, DateTimeOffset at) => new(state, problem, at, [], []);
}
