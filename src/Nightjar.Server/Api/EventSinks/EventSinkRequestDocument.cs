using System.Text.Json.Serialization;

namespace Nightjar.Server.Api.EventSinks;

/// <summary>The body of <c>POST</c>/<c>PUT /api/v1/event-sinks</c> as the OpenAPI document shows it (read by <see cref="EventSinkRequestParser"/>).</summary>
/// <param name="Name">A display name (default: the id).</param>
/// <param name="Url">http:// or https:// address the batches are POSTed to; user info becomes Basic authentication.</param>
/// <param name="Only">Event types and cameras to send; absent or empty lists mean all.</param>
/// <param name="Headers">Extra request headers (values are secrets: stored encrypted, shown as ***).</param>
/// <param name="Secret">HMAC-SHA256 signing secret (16 to 256 characters); true keeps the stored one, false or null removes it.</param>
/// <param name="BatchSize">Most events per POST, 1 to 1000 (default 100).</param>
/// <param name="From">"now" (default) or "start" (the whole history first).</param>
internal sealed record EventSinkRequestDocument(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("only")] EventSinkOnlyResponse? Only,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string>? Headers,
    [property: JsonPropertyName("secret")] string? Secret,
    [property: JsonPropertyName("batchSize")] int? BatchSize,
    [property: JsonPropertyName("from")] string? From);
