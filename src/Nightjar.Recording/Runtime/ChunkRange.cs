namespace Nightjar.Recording.Runtime;

/// <summary>A byte range of a recording file (one GOP chunk, starting with PAT, PMT and a keyframe).</summary>
public sealed record ChunkRange(string FullPath, long Offset, long Length, DateTimeOffset Start);
