namespace Nightjar.Media.Rtsp;

/// <summary>Sequence number and RTP timestamp of the first packet a reader gets on a track (PLAY's RTP-Info).</summary>
internal readonly record struct RtpStartPoint(ushort Sequence, uint Timestamp);
