using Nightjar.Recording.Validation;

namespace Nightjar.Recording.EventSinks;

/// <summary>The outcome of a create, replace or delete: the sink as stored now, or why nothing changed.</summary>
public sealed record EventSinkChange(EventSinkChangeStatus Status, RegisteredSink? Sink, IReadOnlyList<ValidationError> Errors)
{
    public static EventSinkChange NotFound { get; } = new(EventSinkChangeStatus.NotFound, null, []);
}
