using System.Runtime.CompilerServices;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Retention;

namespace Nightjar.Recording.Tests.Retention.Support;

/// <summary>Segments in memory, walked oldest first like the catalog; counts the walks.</summary>
internal sealed class ListSegments(IEnumerable<CatalogSegment> segments) : IRetentionSegments
{
    private readonly List<CatalogSegment> _segments = [.. segments.OrderBy(s => s.Start).ThenBy(s => s.Id)];

    public int Walks { get; private set; }

    public async IAsyncEnumerable<CatalogSegment> OldestAsync(string? source, DateTimeOffset? endingBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Walks++;
        await Task.Yield();
        foreach (var segment in _segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((source is null || segment.Source == source) && (endingBefore is null || segment.End <= endingBefore))
            {
                yield return segment;
            }
        }
    }
}
