namespace Nightjar.Server.Api.Alarms;

/// <summary>The body of <c>POST /api/v1/cameras/{id}/alarms</c> (the shape the OpenAPI document shows; read by a strict parser).</summary>
/// <param name="Type">The alarm type, 1 to 64 characters of <c>[A-Za-z0-9_.-]</c>; <c>motion</c> (any case) and other motion-like types open motion windows.</param>
/// <param name="State"><c>active</c>, <c>inactive</c> or <c>pulse</c> (a momentary alarm).</param>
internal sealed record AlarmRequest(string Type, string State);
