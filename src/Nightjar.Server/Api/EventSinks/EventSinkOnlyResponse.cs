using System.Text.Json.Serialization;

namespace Nightjar.Server.Api.EventSinks;

/// <summary>The <c>only</c> filter of a sink; empty lists mean every type / every camera.</summary>
internal sealed record EventSinkOnlyResponse(
    [property: JsonPropertyName("types")] IReadOnlyList<string> Types,
    [property: JsonPropertyName("cameras")] IReadOnlyList<string> Cameras);
