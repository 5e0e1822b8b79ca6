using System.Text.Json.Serialization;

namespace Nightjar.Server.Playback;

/// <summary>
/// <c>GET /api/v1/cameras/{id}/recordings</c>: what one stream recorded in a window and what is missing. Times are
/// RFC 3339 in UTC (<c>2026-11-21T00:00:00Z</c>, with fractional seconds only when they are not whole). Recorded ranges
/// and gaps are sorted, alternate, and together cover <c>[from, to)</c> exactly. <see cref="Motion"/> holds the ranges
/// around motion (pre- and post-alarm of the camera's policy applied, merged) and <see cref="Locked"/> those held by
/// evidence locks in force, both clipped to the window; they may overlap recorded ranges and gaps alike. Both are left
/// out of the JSON when empty, so answers for cameras without motion or locks read exactly as before.
/// </summary>
internal sealed record RecordingsResponse(
    string Camera,
    string Stream,
    DateTime From,
    DateTime To,
    IReadOnlyList<RecordedRangeResponse> Recorded,
    IReadOnlyList<RecordedRangeResponse> Gaps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RecordedRangeResponse>? Motion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LockedRangeResponse>? Locked);
