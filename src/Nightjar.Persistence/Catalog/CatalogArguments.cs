namespace Nightjar.Persistence.Catalog;

/// <summary>
/// Argument checks shared by both engines, run before any SQL so a bad batch changes nothing and both engines reject
/// the same input (PostgreSQL would refuse a NUL inside text where SQLite stores it).
/// </summary>
internal static class CatalogArguments
{
    public const int MaxNameLength = 256;
    public const int MaxPathLength = 1024;

    /// <summary>Far above the domain's largest GOP index (65,536 GOPs, about 1.75 M characters), yet bounded.</summary>
    public const int MaxGopIndexLength = 4 * 1024 * 1024;

    /// <summary>Most rows one LatestAsync or OldestAsync page may ask for.</summary>
    public const int MaxPageSize = 10_000;

    public static void Changes(IReadOnlyList<CatalogChange> changes, TimeSpan maxSegmentDuration)
    {
        ArgumentNullException.ThrowIfNull(changes);
        for (var i = 0; i < changes.Count; i++)
        {
            var where = $"changes[{i}]";
            switch (changes[i])
            {
                case CatalogChange.Upsert upsert:
                    Segment(upsert.Segment, maxSegmentDuration, where, nameof(changes));
                    break;
                case CatalogChange.SetState setState:
                    Path(setState.Path, where, nameof(changes));
                    State(setState.State, where, nameof(changes));
                    break;
                case CatalogChange.Remove remove:
                    Path(remove.Path, where, nameof(changes));
                    break;
                case null:
                    throw new ArgumentException($"{where} is null.", nameof(changes));
                default:
                    throw new ArgumentException($"{where} is a {changes[i].GetType().Name}, which this catalog does not know.", nameof(changes));
            }
        }
    }

    public static void Checkpoint(ProjectionCheckpoint checkpoint, string paramName)
    {
        ArgumentNullException.ThrowIfNull(checkpoint, paramName);
        Name(checkpoint.Projection, "projection name", paramName);
        if (checkpoint.Offset.Ordering < 0)
        {
            throw new ArgumentException($"Projection '{checkpoint.Projection}' has a negative offset ({checkpoint.Offset}).", paramName);
        }
    }

    public static void Name(string? value, string what, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {what} must not be empty.", paramName);
        }

        if (value.Length > MaxNameLength)
        {
            throw new ArgumentException($"The {what} is {value.Length} characters long; at most {MaxNameLength} are allowed.", paramName);
        }

        WellFormedText(value, what, paramName);
    }

    /// <summary>A relative, '/'-separated path without empty, '.' or '..' parts: it is joined to a storage root to serve the file.</summary>
    public static void Path(string? path, string what, string paramName)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException($"The path of {what} must not be empty.", paramName);
        }

        if (path.Length > MaxPathLength)
        {
            throw new ArgumentException($"The path of {what} is {path.Length} characters long; at most {MaxPathLength} are allowed.", paramName);
        }

        WellFormedText(path, $"path of {what}", paramName);
        if (path.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path '{path}' of {what} contains '\\': catalog paths use '/'.", paramName);
        }

        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part is "." or "..")
            {
                throw new ArgumentException($"The path '{path}' of {what} must be relative to its storage root, without empty, '.' or '..' parts.", paramName);
            }
        }
    }

    public static void State(CatalogSegmentState state, string what, string paramName)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentException($"The state {(int)state} of {what} is not a {nameof(CatalogSegmentState)}.", paramName);
        }
    }

    public static void Window(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The window ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }
    }

    public static void PageSize(int value, string what)
    {
        if (value is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(what, value, $"The {what} must be between 1 and {MaxPageSize}.");
        }
    }

    private static void Segment(CatalogSegment? segment, TimeSpan maxSegmentDuration, string where, string paramName)
    {
        if (segment is null)
        {
            throw new ArgumentException($"The segment of {where} is null.", paramName);
        }

        Path(segment.Path, where, paramName);
        var what = $"{where} ('{segment.Path}')";
        Name(segment.Source, $"source of {what}", paramName);
        Name(segment.Stream, $"stream of {what}", paramName);
        Name(segment.RunId, $"run id of {what}", paramName);
        Name(segment.StorageRoot, $"storage root of {what}", paramName);
        State(segment.State, what, paramName);
        if (segment.End < segment.Start)
        {
            throw new ArgumentException($"The segment {what} ends ({segment.End:O}) before it starts ({segment.Start:O}).", paramName);
        }

        if (segment.End - segment.Start > maxSegmentDuration)
        {
            throw new ArgumentException(
                $"The segment {what} lasts {segment.End - segment.Start}, longer than MaxSegmentDuration ({maxSegmentDuration}): window queries could not find it. Split it, or raise the option.",
                paramName);
        }

        if (segment.Bytes < 0)
        {
            throw new ArgumentException($"The segment {what} has a negative size ({segment.Bytes}).", paramName);
        }

        if (segment.GopIndex is null)
        {
            throw new ArgumentException($"The GOP index of {what} is null (use an empty string for none).", paramName);
        }

        if (segment.GopIndex.Length > MaxGopIndexLength)
        {
            throw new ArgumentException($"The GOP index of {what} is {segment.GopIndex.Length} characters long; at most {MaxGopIndexLength} are allowed.", paramName);
        }

        WellFormedText(segment.GopIndex, $"GOP index of {what}", paramName);
    }

    /// <summary>
    /// No NUL (PostgreSQL text cannot hold it) and no lone surrogate (it cannot become UTF-8: SQLite would store a
    /// replacement character and PostgreSQL would refuse it), so what is stored reads back unchanged on both engines.
    /// </summary>
    private static void WellFormedText(string value, string what, string paramName)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {what} contains a NUL character.", paramName);
        }

        var span = value.AsSpan();
        for (var i = span.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                throw new ArgumentException($"The {what} contains a lone UTF-16 surrogate at index {i}.", paramName);
            }
        }
    }
}
