namespace Nightjar.Recording.Events;

/// <summary>Retention needs an operator's attention (published as <c>storage_alarm</c>).</summary>
/// <param name="Root">The storage root's name.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">A sentence for the operator (no secrets, no absolute paths outside the data directory).</param>
/// <param name="At">When.</param>
[JournalType("storage.alarm.v1")]
public sealed record StorageAlarm(string Root, StorageAlarmKind Kind, string Detail, DateTimeOffset At) : IRecordingEvent;
