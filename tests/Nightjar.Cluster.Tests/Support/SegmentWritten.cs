namespace Nightjar.Cluster.Tests.Support;

/// <summary>A stand-in DVR event for the fence tests.</summary>
public sealed record SegmentWritten(string Camera, int Sequence);
