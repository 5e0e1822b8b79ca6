namespace Nightjar.Persistence.Catalog;

/// <summary>What is recorded of one stream: counts and bytes of recorded segments, and the time they span.</summary>
public sealed record CatalogStreamSummary(
    string Source,
    string Stream,
    long Segments,
    long Bytes,
    DateTimeOffset? Oldest,
    DateTimeOffset? Newest);
