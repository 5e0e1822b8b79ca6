namespace Nightjar.Server.Playback;

/// <summary>The <c>Cache-Control</c> values of media answers.</summary>
internal static class MediaCache
{
    /// <summary>Live and growing answers: a player must ask again every time.</summary>
    public const string NoCache = "no-cache";

    /// <summary>A byte range of a closed recording file never changes.</summary>
    public const string Immutable = "max-age=86400, immutable";

    /// <summary>
    /// An archive playlist of a range that ended a while ago. Not immutable: retention may delete its oldest chunks,
    /// and a node that adopts a forgotten file may fill a gap, so it is kept for an hour.
    /// </summary>
    public const string SettledPlaylist = "max-age=3600";
}
