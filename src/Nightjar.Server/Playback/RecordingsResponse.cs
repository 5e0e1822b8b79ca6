namespace Nightjar.Server.Playback;

/// <summary>
/// <c>GET /api/v1/cameras/{id}/recordings</c>: what one stream recorded in a window and what is missing. Times are
/// RFC 3339 in UTC (<c>2026-11-21T00:00:00Z</c>, with fractional seconds only when they are not whole). Recorded ranges
/// and gaps are sorted, alternate, and together cover <c>[from, to)</c> exactly.
/// </summary>
internal sealed record RecordingsResponse(
    string Camera,
    string Stream,
    DateTime From,
    DateTime To,
    IReadOnlyList<RecordedRangeResponse> Recorded,
    IReadOnlyList<RecordedRangeResponse> Gaps);
