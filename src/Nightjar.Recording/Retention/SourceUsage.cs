namespace Nightjar.Recording.Retention;

/// <summary>One camera's recorded segments in a root.</summary>
internal sealed record SourceUsage(long Bytes, long Segments, DateTimeOffset? Oldest, IReadOnlyList<string> Streams);
