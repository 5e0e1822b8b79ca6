namespace Nightjar.Media.Rtsp;

/// <summary>How one track of a session was set up.</summary>
internal sealed record SessionTrack(RtspTransport Transport, string SetupUrl);
