using System.Runtime.CompilerServices;
using Nightjar.Persistence.Catalog;

namespace Nightjar.Recording.Retention;

/// <summary>The recorded segments of one storage root, paged out of the catalog by (start, id) cursor.</summary>
internal sealed class CatalogRetentionSegments(ISegmentCatalog catalog, string storageRoot, int pageSize = 2_000) : IRetentionSegments
{
    public async IAsyncEnumerable<CatalogSegment> OldestAsync(string? source, DateTimeOffset? endingBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CatalogSegment? after = null;
        while (true)
        {
            // Filtered by the catalog, so a page is never filled with other roots' (other nodes') rows.
            var page = await catalog.OldestAsync(source, storageRoot, endingBefore, after, pageSize, cancellationToken);
            foreach (var segment in page)
            {
                if (string.Equals(segment.StorageRoot, storageRoot, StringComparison.Ordinal))
                {
                    yield return segment;
                }
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1];
        }
    }
}
