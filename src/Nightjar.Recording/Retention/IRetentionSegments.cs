using Nightjar.Persistence.Catalog;

namespace Nightjar.Recording.Retention;

/// <summary>
/// A storage root's recorded segments oldest first (start, then id), which the planner may walk several times and
/// stop walking early: read in pages, so a million-segment index never sits in memory at once.
/// </summary>
internal interface IRetentionSegments
{
    /// <param name="source">One camera's segments, or every camera's when null.</param>
    /// <param name="endingBefore">Only segments with <c>End &lt;= endingBefore</c>, when set.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    IAsyncEnumerable<CatalogSegment> OldestAsync(string? source, DateTimeOffset? endingBefore, CancellationToken cancellationToken);
}
