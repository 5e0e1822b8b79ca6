namespace Nightjar.Recording.Runtime;

/// <summary>Where a recorded segment's file is (see <see cref="RecordingEngine.LocateSegmentAsync"/>).</summary>
/// <param name="StorageRoot">The catalog's root name (<see cref="StorageRootNames"/>).</param>
/// <param name="Node">The node whose disk holds it; null for a single node's root.</param>
/// <param name="IsLocal">True when the file is on this node's disk.</param>
/// <param name="RelativePath">The file's path relative to its root.</param>
public sealed record SegmentLocation(string StorageRoot, string? Node, bool IsLocal, string RelativePath);
