namespace Nightjar.Recording.Signals;

/// <summary>The <see cref="CameraSignal.Source"/> names Nightjar itself uses.</summary>
public static class SignalSources
{
    /// <summary><c>POST /api/v1/cameras/{id}/alarms</c>.</summary>
    public const string Api = "api";

    /// <summary>The CamTrace-compatible <c>/api/v1.1/cameras/alarms/trigger</c>.</summary>
    public const string Trigger = "trigger";

    /// <summary>Hikvision ISAPI alert streams.</summary>
    public const string Hikvision = "hikvision";

    /// <summary>Alarm sources are journaled as <c>CameraAlarm</c>; every other source's reports as <c>CameraEventReported</c>.</summary>
    public static bool IsAlarmSource(string source) =>
        string.Equals(source, Api, StringComparison.OrdinalIgnoreCase) || string.Equals(source, Trigger, StringComparison.OrdinalIgnoreCase);
}
