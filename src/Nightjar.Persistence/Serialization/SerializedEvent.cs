namespace Nightjar.Persistence.Serialization;

/// <summary>An event ready for the database: its stable type name, JSON payload and de-duplicated tags.</summary>
internal sealed record SerializedEvent(string EventType, string Payload, IReadOnlyList<string> Tags);
