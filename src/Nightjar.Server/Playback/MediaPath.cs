using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Playback;

/// <summary>
/// The <c>{path}</c> of a media URL resolved against the cameras: <c>{camera}</c> (its primary stream) or
/// <c>{camera}/{stream}</c>.
/// </summary>
/// <param name="Camera">The camera, enabled.</param>
/// <param name="Stream">The stream's name (the primary stream's when the URL named none).</param>
/// <param name="NamesStream">True when the URL named the stream (<c>/{camera}/{stream}/...</c>).</param>
internal sealed record MediaPath(CameraDefinition Camera, string Stream, bool NamesStream)
{
    public CameraId CameraId => Camera.Id;

    /// <summary>The path as asked (<c>lobby</c> or <c>lobby/main</c>): what <c>recording_status.json</c> names.</summary>
    public string Text => NamesStream ? Camera.Id.Value + "/" + Stream : Camera.Id.Value;

    /// <summary>The camera and the stream (<c>lobby/main</c>) whichever way the URL named them: what a token's scope covers.</summary>
    public string StreamPath => Camera.Id.Value + "/" + Stream;

    /// <summary>
    /// From the directory of the requested file to the stream's directory, where chunk URLs live:
    /// <c>/lobby/index.m3u8</c> lists <c>main/c/...</c>, <c>/lobby/main/index.m3u8</c> lists <c>c/...</c>.
    /// Relative, so playlists keep working behind a reverse proxy that adds a path prefix.
    /// </summary>
    public string RelativeStreamPrefix => NamesStream ? string.Empty : Stream + "/";

    /// <summary>Whether the camera's ingest keeps audio (copied or transcoded to AAC) in the recordings.</summary>
    public bool HasAudio => Camera.Audio != AudioMode.Drop;
}
