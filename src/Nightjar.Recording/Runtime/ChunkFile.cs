namespace Nightjar.Recording.Runtime;

/// <summary>
/// A recording file resolved from a chunk key. <see cref="Closed"/> files never change again, so their byte ranges
/// may be cached for long; an open file is still growing.
/// </summary>
public sealed record ChunkFile(string FullPath, bool Closed);
