using System.Collections.Frozen;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>
/// What Nightjar makes of an ISAPI <c>eventType</c>. Names are matched ignoring case (firmware spells <c>VMD</c>,
/// <c>vmd</c>, <c>fieldDetection</c>...) but passed on as the device spelled them.
/// </summary>
/// <remarks>
/// Motion-like types are the ones that mean "something moves in the picture", which is what motion retention
/// keeps recordings around:
/// <list type="table">
/// <listheader><term>eventType</term><description>meaning</description></listheader>
/// <item><term>VMD</term><description>video motion detection</description></item>
/// <item><term>PIR</term><description>passive infrared sensor of the camera</description></item>
/// <item><term>fielddetection</term><description>intrusion into a region</description></item>
/// <item><term>linedetection</term><description>line crossing</description></item>
/// <item><term>regionEntrance</term><description>entering a region</description></item>
/// <item><term>regionExiting</term><description>leaving a region</description></item>
/// <item><term>loitering</term><description>someone staying in a region</description></item>
/// <item><term>group</term><description>people gathering</description></item>
/// <item><term>rapidMove</term><description>fast movement</description></item>
/// </list>
/// Everything else is a camera event (tamperdetection, shelteralarm, videoloss, facedetection, scenechangedetection,
/// defocus, unattendedBaggage, attendedBaggage, audioexception, IO, diskfull...): journaled with its type, no motion
/// window. The heartbeat is <c>videoloss</c> + <c>inactive</c> (the ISAPI guide's rule) or the newer <c>heartBeat</c>.
/// </remarks>
internal static class HikvisionEventTypes
{
    /// <summary>Types that open and close motion windows.</summary>
    public static FrozenSet<string> Motion { get; } = new[]
    {
        "VMD", "PIR", "fielddetection", "linedetection", "regionEntrance", "regionExiting", "loitering", "group", "rapidMove",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Types known well enough to be a metric tag; others are tagged <c>other</c> (a device must not grow our series).</summary>
    public static FrozenSet<string> Known { get; } = Motion.Concat(new[]
    {
        "tamperdetection", "shelteralarm", "videoloss", "facedetection", "scenechangedetection", "defocus",
        "unattendedBaggage", "attendedBaggage", "audioexception", "IO", "parking", "diskfull", "diskerror", "nicbroken",
        "ipconflict", "illaccess", "videomismatch", "badvideo", "heartBeat",
    }).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsMotion(string eventType) => Motion.Contains(eventType);

    public static bool IsHeartbeat(DeviceEvent e) =>
        e.EventType.Equals("heartBeat", StringComparison.OrdinalIgnoreCase)
        || e.EventType.Equals("videoloss", StringComparison.OrdinalIgnoreCase) && e.State == AlarmState.Inactive;

    /// <summary>The metric tag for a type: its canonical spelling when known, <c>other</c> otherwise.</summary>
    public static string TagOf(string eventType) =>
        Known.TryGetValue(eventType, out var canonical) ? canonical : "other";
}
