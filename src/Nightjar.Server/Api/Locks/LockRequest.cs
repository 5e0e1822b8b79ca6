namespace Nightjar.Server.Api.Locks;

/// <summary>The body of <c>POST /api/v1/cameras/{id}/locks</c> (the shape the OpenAPI document shows; read by a strict parser).</summary>
/// <param name="From">Start of the protected range, ISO-8601 with an offset (<c>2026-11-21T08:00:00Z</c>).</param>
/// <param name="To">End of the range (exclusive), after <paramref name="From"/>, at most 366 days later.</param>
/// <param name="Until">When the lock expires (in the future); absent or null: indefinitely.</param>
/// <param name="Reason">Why, 1 to 500 characters.</param>
internal sealed record LockRequest(string From, string To, string? Until, string Reason);
