namespace Nightjar.Recording.EventFeed;

/// <summary>How far one sink is behind: journal events after its position, and the age of its oldest unacknowledged event.</summary>
public readonly record struct SinkLag(string Sink, long Events, double Seconds);
