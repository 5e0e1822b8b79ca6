using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Nightjar.Persistence;
using Nightjar.Recording.Events;
using Nightjar.Recording.EventSinks;

namespace Nightjar.Recording.EventFeed;

/// <summary>
/// Journal events → <see cref="FeedEvent"/>s. Every recording event type is either published (a Flussonic-style name,
/// a whitelisted payload) or deliberately internal (<see cref="InternalTypes"/>): API keys and sink configuration
/// hold secrets or hashes, garbage marks are a step of a deletion that <c>dvr_segment_deleted</c> reports.
/// </summary>
public static partial class FeedEventMapper
{
    /// <summary>Journal event types that are never published.</summary>
    public static FrozenSet<Type> InternalTypes { get; } = new[]
    {
        typeof(ApiKeyCreated), typeof(ApiKeyRevoked), typeof(SegmentGarbageMarked),
        typeof(EventSinkCreated), typeof(EventSinkUpdated), typeof(EventSinkDeleted), typeof(EventSinkAcknowledged),
    }.ToFrozenSet();

    /// <summary>The published form of <paramref name="journalEvent"/>, or null when its type is not published.</summary>
    public static FeedEvent? Map(JournalEvent journalEvent)
    {
        ArgumentNullException.ThrowIfNull(journalEvent);
        var mapped = MapPayload(journalEvent.Payload);
        return mapped is { } m
            ? new FeedEvent(journalEvent.Offset, journalEvent.WrittenAt.UtcDateTime, m.Camera, m.Type, m.Payload)
            : null;
    }

    /// <summary>The published type name of a payload, or null when it is not published (cheap: no payload is built).</summary>
    public static string? TypeOf(object payload) => payload switch
    {
        CameraAdded => FeedEventTypes.CameraAdded,
        CameraUpdated => FeedEventTypes.CameraUpdated,
        CameraRemoved => FeedEventTypes.CameraRemoved,
        StreamStarted => FeedEventTypes.StreamStarted,
        SourceClosed => FeedEventTypes.SourceClosed,
        SegmentRecorded => FeedEventTypes.SegmentRecorded,
        SegmentLost => FeedEventTypes.SegmentLost,
        SegmentDeleted => FeedEventTypes.SegmentDeleted,
        MotionStarted => FeedEventTypes.MotionStarted,
        MotionStopped => FeedEventTypes.MotionStopped,
        CameraAlarm => FeedEventTypes.CameraAlarm,
        CameraEventReported => FeedEventTypes.CameraEvent,
        EvidenceLockAdded => FeedEventTypes.EvidenceLockAdded,
        EvidenceLockReleased => FeedEventTypes.EvidenceLockReleased,
        StorageAlarm => FeedEventTypes.StorageAlarm,
        _ => null,
    };

    /// <summary>The camera a payload is about (null for site-wide or unpublished events).</summary>
    public static string? CameraOf(object payload) => payload is ICameraEvent camera ? camera.CameraId.Value : null;

    private static (string Type, string? Camera, JsonObject Payload)? MapPayload(object payload)
    {
        var type = TypeOf(payload);
        return type is null ? null : (type, CameraOf(payload), PayloadOf(payload));
    }
}
