namespace Nightjar.Media.Rtsp;

/// <summary>What a video RTP payload carries that matters for joining mid-stream.</summary>
[Flags]
internal enum NalFlags
{
    None = 0,

    /// <summary>SPS/PPS (H.264) or VPS/SPS/PPS (H.265).</summary>
    ParameterSet = 1,

    /// <summary>The start of an IDR (H.264) or IRAP (H.265) picture: a decoder can begin here.</summary>
    KeyframeStart = 2,
}
