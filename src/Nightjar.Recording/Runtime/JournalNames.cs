using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Runtime;

/// <summary>Persistence ids and tags the engine writes under: the contract between the actors, recovery and the projections.</summary>
internal static class JournalNames
{
    /// <summary>The camera directory's stream of camera configuration events.</summary>
    public const string CamerasPersistenceId = "cameras";

    public const string CameraTag = "camera";

    public const string SegmentTag = "segment";

    public const string StreamTag = "stream";

    /// <summary>Motion windows and evidence locks: what retention must keep longer.</summary>
    public const string ProtectionTag = "protection";

    /// <summary>Alarms and device events (<see cref="CameraAlarm"/>, <see cref="CameraEventReported"/>).</summary>
    public const string AlarmTag = "alarm";

    /// <summary>Storage alarms raised by retention.</summary>
    public const string StorageTag = "storage";

    /// <summary>Event sink definitions and acknowledgements (<c>EventSinks</c>): never published, never projected by the engine.</summary>
    public const string EventSinkTag = "event-sink";

    /// <summary>The snapshot type name of a stream's DVR state.</summary>
    public const string DvrStateType = "recording.dvr-state.v1";

    /// <summary>
    /// One stream's DVR: <c>dvr/{camera}/{stream}</c>. '/' cannot occur in camera or stream names, so the id is
    /// unambiguous (with '-' it would not be: camera and stream names may contain it).
    /// </summary>
    public static string DvrPersistenceId(CameraId camera, string stream) => "dvr/" + camera.Value + "/" + stream;

    /// <summary>
    /// Files a restarted node adopted at start-up for a camera another node owns now: <c>dvr-adopted/{node}/{camera}/{stream}</c>.
    /// Only that node writes it (so it never races the owner's <see cref="DvrPersistenceId"/>), and the cluster's
    /// fence, which matches <c>dvr/%</c>, lets it through: the fourth character is '-', not '/'. No actor recovers it;
    /// its segment events reach the catalog through their tags like any other.
    /// </summary>
    public static string AdoptedPersistenceId(string nodeId, CameraId camera, string stream) =>
        "dvr-adopted/" + nodeId + "/" + camera.Value + "/" + stream;

    public static string CameraTagOf(CameraId camera) => "camera:" + camera.Value;

    /// <summary>Tags of an event: its kind for the projections, its camera for per-camera feeds.</summary>
    public static IReadOnlyList<string> TagsOf(object @event) => @event switch
    {
        SegmentRecorded or SegmentLost or SegmentGarbageMarked or SegmentDeleted => [SegmentTag, CameraTagOf(((ICameraEvent)@event).CameraId)],
        MotionStarted or MotionStopped or EvidenceLockAdded or EvidenceLockReleased => [ProtectionTag, CameraTagOf(((ICameraEvent)@event).CameraId)],
        CameraAlarm or CameraEventReported => [AlarmTag, CameraTagOf(((ICameraEvent)@event).CameraId)],
        StorageAlarm => [StorageTag],
        StreamStarted or SourceClosed => [StreamTag, CameraTagOf(((ICameraEvent)@event).CameraId)],
        ICameraEvent camera => [CameraTag, CameraTagOf(camera.CameraId)],
        _ => [],
    };
}
