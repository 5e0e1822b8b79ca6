namespace Nightjar.Recording.Events;

/// <summary>
/// Marker for every persisted fact of the recording domain. Each implementation is a <c>sealed record</c> with a
/// <see cref="JournalTypeAttribute"/> naming it in the journal; <see cref="RecordingEventTypes.All"/> lists them.
/// </summary>
public interface IRecordingEvent;
