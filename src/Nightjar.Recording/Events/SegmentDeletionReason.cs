using System.Text.Json.Serialization;

namespace Nightjar.Recording.Events;

/// <summary>Why retention deleted a segment. Stored and published by name: values may be added, never renamed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SegmentDeletionReason>))]
public enum SegmentDeletionReason
{
    /// <summary>Older than the camera's depth (or its motion depth) and not protected.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired = 0,

    /// <summary>The camera was over its own <c>space</c> cap.</summary>
    [JsonStringEnumMemberName("camera_space")]
    CameraSpace = 1,

    /// <summary>The storage root was over its <c>limit</c>.</summary>
    [JsonStringEnumMemberName("root_limit")]
    RootLimit = 2,

    /// <summary>The filesystem was about to fill: deleted whatever protected it had, evidence locks last.</summary>
    [JsonStringEnumMemberName("emergency")]
    Emergency = 3,
}
