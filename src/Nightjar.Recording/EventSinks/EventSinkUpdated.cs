using Nightjar.Recording.Events;

namespace Nightjar.Recording.EventSinks;

/// <summary>An event sink's definition was replaced (<c>PUT</c>). A new <see cref="EventSinkDefinition.Epoch"/> resets its position.</summary>
[JournalType("sink.updated.v1")]
public sealed record EventSinkUpdated(EventSinkDefinition Sink) : IRecordingEvent;
