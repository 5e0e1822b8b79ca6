using Nightjar.Persistence;

namespace Nightjar.Benchmarks.Persistence;

/// <summary>About the size of a real SegmentRecorded event.</summary>
[EventType("bench.segment-recorded.v1")]
public sealed record BenchEvent(string Camera, string Stream, long StartUnixMs, int DurationMs, long Bytes, string Path);
