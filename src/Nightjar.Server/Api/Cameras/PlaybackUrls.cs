namespace Nightjar.Server.Api.Cameras;

/// <summary>Live URLs of a <see cref="PlaybackTokenResponse"/>.</summary>
/// <param name="Hls">Path of the live HLS playlist on this node (<c>/lobby/index.m3u8?token=...</c>).</param>
/// <param name="Rtsp">The RTSP URL (<c>rtsp://host:8554/lobby?token=...</c>).</param>
internal sealed record PlaybackUrls(string Hls, string Rtsp)
{
    // Both URLs carry the token: keep them out of logs.
    public override string ToString() => "PlaybackUrls { Hls = ***, Rtsp = *** }";
}
