using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras;

/// <summary>What ingest does with a camera's audio (media.md 7.2, "Audio variants").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AudioMode>))]
public enum AudioMode
{
    /// <summary>No audio (<c>-an</c>): the default, cheapest, and audio is rarely needed.</summary>
    [JsonStringEnumMemberName("drop")]
    Drop = 0,

    /// <summary>Copy the audio as it is (<c>-c:a copy</c>): right for AAC.</summary>
    [JsonStringEnumMemberName("copy")]
    Copy = 1,

    /// <summary>Transcode to AAC (<c>-c:a aac -b:a 32k</c>): for G.711 and other codecs MPEG-TS cannot play.</summary>
    [JsonStringEnumMemberName("transcode")]
    Transcode = 2,
}
