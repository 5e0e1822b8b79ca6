using System.Collections.Frozen;
using System.Reflection;

namespace Nightjar.Recording.Events;

/// <summary>Every recording event type by its journal name, for the host to register with the journal.</summary>
/// <example><code>foreach (var (name, type) in RecordingEventTypes.All) registry.Register(type, name);</code></example>
public static class RecordingEventTypes
{
    private static readonly Type[] Types =
    [
        typeof(CameraAdded), typeof(CameraUpdated), typeof(CameraRemoved),
        typeof(StreamStarted), typeof(SourceClosed),
        typeof(SegmentRecorded), typeof(SegmentLost), typeof(SegmentGarbageMarked), typeof(SegmentDeleted),
        typeof(MotionStarted), typeof(MotionStopped), typeof(EvidenceLockAdded), typeof(EvidenceLockReleased),
        typeof(CameraAlarm), typeof(CameraEventReported), typeof(StorageAlarm),
        typeof(ApiKeyCreated), typeof(ApiKeyRevoked),
        typeof(EventSinks.EventSinkCreated), typeof(EventSinks.EventSinkUpdated), typeof(EventSinks.EventSinkDeleted), typeof(EventSinks.EventSinkAcknowledged),
    ];

    /// <summary>Journal name → event type.</summary>
    public static IReadOnlyDictionary<string, Type> All { get; } =
        Types.ToFrozenDictionary(NameOf, type => type, StringComparer.Ordinal);

    /// <summary>The journal name of an event type.</summary>
    /// <exception cref="ArgumentException">The type has no <see cref="JournalTypeAttribute"/>.</exception>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetCustomAttribute<JournalTypeAttribute>()?.Name
            ?? throw new ArgumentException($"'{type.FullName}' has no [JournalType] attribute.", nameof(type));
    }
}
