using System.Text.Json.Serialization;
using System.Text.Json;
using Nightjar.Recording.Timeline;

namespace Nightjar.Server.Playback;

/// <summary>Source-generated JSON for the playback answers.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecordingsResponse))]
[JsonSerializable(typeof(RecordingStatusEntry[]))]
internal sealed partial class PlaybackJsonContext : JsonSerializerContext;
