namespace Nightjar.Media.Rtsp;

/// <summary>What a client wants to do with a path.</summary>
public enum RtspAccess
{
    /// <summary>DESCRIBE/SETUP/PLAY: receive the stream.</summary>
    Read,

    /// <summary>ANNOUNCE/SETUP(record)/RECORD: push a stream into the path.</summary>
    Publish,
}
