namespace Nightjar.Server.Api.Keys;

/// <summary>The body of <c>POST /api/v1/keys</c> (the shape the OpenAPI document shows; read by a strict parser).</summary>
/// <param name="Name">What the key is for, 1 to 100 characters.</param>
/// <param name="Role"><c>viewer</c>, <c>operator</c> or <c>admin</c>.</param>
internal sealed record CreateApiKeyRequest(string Name, string Role);
