namespace Nightjar.Media.Rtsp;

/// <summary>RFC 2326 Appendix A states, split by role as gortsplib does.</summary>
internal enum RtspSessionState
{
    /// <summary>Reader with at least one track set up (PrePlay).</summary>
    ReadyToPlay,

    Playing,

    /// <summary>Publisher with at least one track set up (PreRecord).</summary>
    ReadyToRecord,

    Recording,
}
