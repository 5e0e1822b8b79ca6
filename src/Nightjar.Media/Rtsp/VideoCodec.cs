namespace Nightjar.Media.Rtsp;

/// <summary>Video codecs whose RTP payloads we inspect for keyframes.</summary>
internal enum VideoCodec
{
    None,
    H264,
    H265,
}
