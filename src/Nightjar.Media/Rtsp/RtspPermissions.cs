namespace Nightjar.Media.Rtsp;

/// <summary>What a configured RTSP user may do. Binds from configuration as <c>"Read, Publish"</c>.</summary>
[Flags]
public enum RtspPermissions
{
    None = 0,
    Read = 1,
    Publish = 2,
    ReadPublish = Read | Publish,
}
