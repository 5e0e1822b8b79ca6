namespace Nightjar.Media.Rtsp;

/// <summary>One track of a published path, from the publisher's SDP.</summary>
/// <param name="Index">Track number, as in <c>trackID=N</c>.</param>
/// <param name="MediaType"><c>video</c>, <c>audio</c>...</param>
/// <param name="Codec">RTP encoding name (H264, H265, MPEG4-GENERIC, PCMU...), null if unknown.</param>
/// <param name="ClockRate">RTP clock rate in Hz (90000 for video), 0 if unknown.</param>
public sealed record RtspTrackInfo(int Index, string MediaType, string? Codec, int ClockRate);
