namespace Nightjar.Server.Tests.Playback;

/// <summary>The playback tests share one set of recordings (made once with ffmpeg).</summary>
[CollectionDefinition(Name)]
public sealed class PlaybackCollection : ICollectionFixture<PlaybackRecordings>
{
    public const string Name = "Playback";
}
