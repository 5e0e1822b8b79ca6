namespace Nightjar.Server.Playback;

/// <summary>A JPEG of a stream's newest keyframe.</summary>
/// <param name="Jpeg">The image.</param>
/// <param name="Time">Wall-clock time of the keyframe.</param>
/// <param name="FromCache">Served from memory without running ffmpeg.</param>
internal sealed record Snapshot(ReadOnlyMemory<byte> Jpeg, DateTimeOffset Time, bool FromCache);
