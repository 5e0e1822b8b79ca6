using System.Text.Json.Serialization;

namespace Nightjar.Recording.EventSinks;

/// <summary>What a sink's worker is doing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventSinkState>))]
public enum EventSinkState
{
    /// <summary>Loading its position.</summary>
    [JsonStringEnumMemberName("starting")]
    Starting = 0,

    /// <summary>Caught up, waiting for new events.</summary>
    [JsonStringEnumMemberName("idle")]
    Idle = 1,

    /// <summary>POSTing a batch.</summary>
    [JsonStringEnumMemberName("delivering")]
    Delivering = 2,

    /// <summary>The last POST failed; waiting to retry (see the last error and the next attempt).</summary>
    [JsonStringEnumMemberName("retrying")]
    Retrying = 3,

    /// <summary>The worker failed outside delivery (journal unreachable, secrets unreadable); it restarts with backoff.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed = 4,

    /// <summary>Not running (the sink is being changed or the node stops).</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped = 5,

    /// <summary>Delivered by another node: in a cluster only the coordinator's node runs sink workers.</summary>
    [JsonStringEnumMemberName("standby")]
    Standby = 6,
}
