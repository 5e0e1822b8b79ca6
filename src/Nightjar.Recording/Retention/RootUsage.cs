namespace Nightjar.Recording.Retention;

/// <summary>What a root's index holds: recorded bytes and segments in total and per source (camera).</summary>
internal sealed record RootUsage(IReadOnlyDictionary<string, SourceUsage> Sources, long Bytes, long Segments);
