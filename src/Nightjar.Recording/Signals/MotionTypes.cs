using System.Collections.Frozen;

namespace Nightjar.Recording.Signals;

/// <summary>
/// Which alarm and event types count as motion (open and close motion windows). Sources may decide for themselves
/// (<see cref="CameraSignal.IsMotion"/>); the alarm API and the trigger use this list.
/// </summary>
public static class MotionTypes
{
    /// <summary>Lower-case names: generic motion, Hikvision's video motion detection and its smart detections of movement.</summary>
    public static IReadOnlySet<string> Names { get; } = new[]
    {
        "motion", "md", "vmd", "motiondetection", "fielddetection", "linedetection", "regionentrance", "regionexiting", "intrusion",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="type"/> is motion-like (case-insensitive).</summary>
    public static bool IsMotion(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Names.Contains(type);
    }
}
