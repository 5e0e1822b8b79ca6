namespace Nightjar.Recording.Runtime;

/// <summary>One stream's ingest as the status API shows it. <see cref="LastError"/> is already redacted.</summary>
public sealed record StreamStatus(
    string Stream,
    StreamState State,
    double? BitrateKbps,
    DateTimeOffset? LastSegmentAt,
    int Restarts,
    string? LastError,
    string? RunId,
    DateTimeOffset? Since);
