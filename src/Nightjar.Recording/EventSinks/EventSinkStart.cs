using System.Text.Json.Serialization;

namespace Nightjar.Recording.EventSinks;

/// <summary>Where a new (or reset) sink begins delivering.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventSinkStart>))]
public enum EventSinkStart
{
    /// <summary>With the events journaled after the sink was created (or reset).</summary>
    [JsonStringEnumMemberName("now")]
    Now = 0,

    /// <summary>With the first event of the journal: the whole history, then live.</summary>
    [JsonStringEnumMemberName("start")]
    Start = 1,
}
