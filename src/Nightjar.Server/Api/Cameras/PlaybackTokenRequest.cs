namespace Nightjar.Server.Api.Cameras;

/// <summary>
/// The optional body of <c>POST /api/v1/cameras/{id}/token</c> (the shape the OpenAPI document shows; read by a
/// strict parser). Every field is optional.
/// </summary>
/// <param name="Stream">Limit the token to one stream; without it the token covers every stream of the camera.</param>
/// <param name="TtlSeconds">Lifetime, 1 to 86400 seconds; 300 by default.</param>
/// <param name="Permissions">
/// A subset of <c>ViewCameras</c>, <c>PlayLive</c>, <c>PlayArchive</c>, <c>Export</c> the caller holds; by default every
/// playback permission of the caller.
/// </param>
internal sealed record PlaybackTokenRequest(string? Stream, int? TtlSeconds, IReadOnlyList<string>? Permissions);
