using System.Text.Json;
using System.Text.Json.Nodes;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.EventFeed;

public static partial class FeedEventMapper
{
    // Every field is named here on purpose (no reflection over the journal records): a field added to an event later
    // is not published until someone decides it may be, so a secret can never slip out by accident.
    private static JsonObject PayloadOf(object payload) => payload switch
    {
        // The API's camera resource: passwords left out (only passwordSet), URLs without user info, secrets in
        // query strings masked.
        CameraAdded e => new() { ["camera"] = JsonSerializer.SerializeToNode(CameraResponse.From(e.Camera)) },
        CameraUpdated e => new() { ["camera"] = JsonSerializer.SerializeToNode(CameraResponse.From(e.Camera)) },
        CameraRemoved => [],
        StreamStarted e => new() { ["stream"] = e.Stream, ["run"] = e.RunId, ["at"] = Time(e.At) },
        SourceClosed e => new()
        {
            ["stream"] = e.Stream, ["run"] = e.RunId, ["at"] = Time(e.At), ["reason"] = Name(e.Reason),
            ["error"] = e.LastError, // redacted and bounded when the event was built
        },
        // Without the GOP index: it is for playback, kilobytes per event, and meaningless outside.
        SegmentRecorded e => new()
        {
            ["stream"] = e.Stream, ["run"] = e.RunId, ["path"] = e.Path, ["start"] = Time(e.Start), ["end"] = Time(e.End),
            ["duration"] = Math.Round(e.Duration.TotalSeconds, 3), ["bytes"] = e.Bytes,
        },
        SegmentLost e => new() { ["stream"] = e.Stream, ["path"] = e.Path, ["reason"] = Name(e.Reason) },
        SegmentDeleted e => new()
        {
            ["stream"] = e.Stream, ["path"] = e.Path, ["start"] = Time(e.Start), ["end"] = Time(e.End), ["bytes"] = e.Bytes,
            ["reason"] = Name(e.Reason), ["protection"] = Name(e.Protection),
        },
        MotionStarted e => new() { ["at"] = Time(e.At), ["source"] = e.Source, ["type"] = e.Type },
        MotionStopped e => new() { ["startedAt"] = Time(e.StartedAt), ["at"] = Time(e.At), ["reason"] = Name(e.Reason) },
        CameraAlarm e => new() { ["type"] = e.Type, ["state"] = Name(e.State), ["at"] = Time(e.At), ["source"] = e.Source },
        CameraEventReported e => new()
        {
            ["type"] = e.Type, ["state"] = Name(e.State), ["at"] = Time(e.At), ["source"] = e.Source,
            ["region"] = e.Region, ["target"] = e.Target, ["channel"] = e.Channel,
        },
        EvidenceLockAdded e => new()
        {
            ["lock"] = e.LockId, ["from"] = Time(e.From), ["to"] = Time(e.To), ["until"] = e.Until is { } until ? Time(until) : null,
            ["reason"] = e.Reason, ["by"] = e.By, ["at"] = Time(e.At),
        },
        EvidenceLockReleased e => new() { ["lock"] = e.LockId, ["by"] = e.By, ["at"] = Time(e.At) },
        StorageAlarm e => new() { ["root"] = e.Root, ["kind"] = Name(e.Kind), ["detail"] = e.Detail, ["at"] = Time(e.At) },
        _ => throw new ArgumentException($"'{payload.GetType().Name}' is not a published event.", nameof(payload)),
    };

    // A UTC DateTime serializes as "2026-01-01T00:00:00Z" (ISO 8601, trailing zeros of the fraction dropped).
    private static JsonValue Time(DateTimeOffset at) => JsonValue.Create(at.UtcDateTime);

    // The enums carry their stable JSON names ([JsonStringEnumMemberName]); the journal stores the same names.
    private static JsonNode? Name<T>(T value)
        where T : struct, Enum => JsonSerializer.SerializeToNode(value);
}
