namespace Nightjar.Recording.Retention;

/// <summary>What retention keeps and has deleted, per storage root and per camera (<c>GET /api/v1/retention</c>).</summary>
public sealed record RetentionReport(DateTimeOffset At, IReadOnlyList<RootRetentionReport> Roots, IReadOnlyList<CameraRetentionReport> Cameras);
