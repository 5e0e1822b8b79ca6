namespace Nightjar.Server.Api.Alarms;

/// <summary>The answer to an alarm call: what was reported and whether it changed anything.</summary>
/// <param name="Camera">The camera.</param>
/// <param name="Type">The alarm type as sent.</param>
/// <param name="State"><c>active</c>, <c>inactive</c> or <c>pulse</c>.</param>
/// <param name="At">When the node received it (UTC).</param>
/// <param name="Motion">Whether the type counts as motion.</param>
/// <param name="Outcome"><c>recorded</c> (journaled) or <c>duplicate</c> (repeated the current state: nothing changed).</param>
internal sealed record AlarmResponse(string Camera, string Type, string State, DateTimeOffset At, bool Motion, string Outcome);
