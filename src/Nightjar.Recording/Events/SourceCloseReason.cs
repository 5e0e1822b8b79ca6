using System.Text.Json.Serialization;

namespace Nightjar.Recording.Events;

/// <summary>Why a run of a stream ended. Stored by name: values may be added, never renamed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceCloseReason>))]
public enum SourceCloseReason
{
    /// <summary>Nightjar stopped it: camera disabled, removed or moved, node shutting down or fenced.</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped = 0,

    /// <summary>The source ended the stream (ffmpeg exited normally, e.g. after its socket timeout).</summary>
    [JsonStringEnumMemberName("ended")]
    Ended = 1,

    /// <summary>No progress or a file that stopped growing: the supervisor killed it.</summary>
    [JsonStringEnumMemberName("stalled")]
    Stalled = 2,

    /// <summary>It failed: could not connect, authentication refused, process crashed or exited with an error.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed = 3,
}
