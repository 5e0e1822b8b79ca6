namespace Nightjar.Persistence.Catalog;

/// <summary>How the segment catalog behaves; where it lives comes from <see cref="EventJournalOptions"/> (same database as the journal).</summary>
public sealed class SegmentCatalogOptions
{
    /// <summary>The default <see cref="MaxSegmentDuration"/>: 15 times the usual 60 s segment.</summary>
    public static readonly TimeSpan DefaultMaxSegmentDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest segment the catalog accepts (<c>End - Start</c>). It bounds how far before a window
    /// <see cref="ISegmentCatalog.FindAsync"/> looks for a segment that starts earlier and reaches into it, which keeps
    /// the query an index range of about one window instead of a scan of the stream's whole past. An upsert of a longer
    /// segment is rejected with <see cref="ArgumentException"/> (and nothing of its batch is stored), because the
    /// catalog could not find it again. Raising the value later is safe; lowering it below the longest stored segment
    /// hides that segment from windows that begin more than the new value after its start.
    /// </summary>
    public TimeSpan MaxSegmentDuration { get; set; } = DefaultMaxSegmentDuration;

    /// <summary>Throws <see cref="ArgumentException"/> naming the offending option.</summary>
    public void Validate()
    {
        if (MaxSegmentDuration <= TimeSpan.Zero || MaxSegmentDuration > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"MaxSegmentDuration must be more than 0 and at most 1 day, not {MaxSegmentDuration}.", nameof(MaxSegmentDuration));
        }
    }
}
