using Nightjar.Recording.Events;

namespace Nightjar.Recording.EventSinks;

/// <summary>An event sink was deleted; delivery stops.</summary>
[JournalType("sink.deleted.v1")]
public sealed record EventSinkDeleted(string SinkId, DateTimeOffset At) : IRecordingEvent;
