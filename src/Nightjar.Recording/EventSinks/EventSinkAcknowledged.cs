using Nightjar.Persistence;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// A sink's position, persisted after the receiver acknowledged a batch (2xx), in the sink's own stream
/// (<c>event-sink/{id}</c>). The latest one is where delivery resumes after a restart.
/// </summary>
/// <param name="SinkId">The sink.</param>
/// <param name="Epoch">The definition epoch it belongs to; one of an older epoch is ignored.</param>
/// <param name="Offset">Every event up to this journal offset was delivered (or did not match the sink's filter).</param>
/// <param name="Events">Events in the acknowledged batch (0 when only skipped events moved the position).</param>
/// <param name="Delivered">Events delivered in this epoch so far, this batch included.</param>
/// <param name="At">When the receiver acknowledged.</param>
[JournalType("sink.acknowledged.v1")]
public sealed record EventSinkAcknowledged(string SinkId, long Epoch, JournalOffset Offset, int Events, long Delivered, DateTimeOffset At) : IRecordingEvent;
