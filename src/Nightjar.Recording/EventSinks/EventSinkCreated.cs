using Nightjar.Recording.Events;

namespace Nightjar.Recording.EventSinks;

/// <summary>An event sink was created (<c>POST /api/v1/event-sinks</c>). Its secrets are protected.</summary>
[JournalType("sink.created.v1")]
public sealed record EventSinkCreated(EventSinkDefinition Sink) : IRecordingEvent;
