using System.Text.Json.Serialization;

namespace Nightjar.Server.Retention;

/// <summary>Whether the node's retention runs (shown in <c>GET /api/v1/retention</c> and the readiness report).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RetentionState>))]
internal enum RetentionState
{
    /// <summary>The node has just started; retention is finishing interrupted deletions before its first pass.</summary>
    [JsonStringEnumMemberName("starting")]
    Starting,

    /// <summary>Passes run on schedule and on demand.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Retention could not start and keeps retrying; recording goes on, nothing is deleted meanwhile.</summary>
    [JsonStringEnumMemberName("degraded")]
    Degraded,

    /// <summary>The node is shutting down.</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped,
}
