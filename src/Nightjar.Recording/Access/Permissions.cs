namespace Nightjar.Recording.Access;

/// <summary>The actions the API and the media endpoints check. Combine with <c>|</c>; see <see cref="Roles.PermissionsOf"/>.</summary>
[Flags]
public enum Permissions
{
    None = 0,

    /// <summary>List cameras and read their (redacted) configuration, state, timeline and events.</summary>
    ViewCameras = 1 << 0,

    /// <summary>Play live video (HLS <c>index.m3u8</c>, RTSP, live snapshots).</summary>
    PlayLive = 1 << 1,

    /// <summary>Play recorded video (archive playlists, recorded chunks, archive snapshots).</summary>
    PlayArchive = 1 << 2,

    /// <summary>Download recordings as files (<c>archive-…​.mp4</c> / <c>.ts</c>).</summary>
    Export = 1 << 3,

    /// <summary>Protect a recorded range from deletion (evidence lock) and release it.</summary>
    Protect = 1 << 4,

    /// <summary>Add, change and remove cameras, including their retention and credentials.</summary>
    ManageCameras = 1 << 5,

    /// <summary>Create, list and revoke API keys.</summary>
    ManageKeys = 1 << 6,

    /// <summary>Nodes, drain, sites and other cluster-wide settings.</summary>
    ManageSystem = 1 << 7,

    /// <summary>Raise and clear camera alarms (the alarm API and the CamTrace-style trigger), as integrations do.</summary>
    RaiseAlarms = 1 << 8,

    /// <summary>The permissions a playback token may carry; a token never grants configuration rights.</summary>
    Playback = ViewCameras | PlayLive | PlayArchive | Export,
}
