using Nightjar.Actors.Persistence;

namespace Nightjar.Persistence;

/// <summary>Argument checks shared by every journal entry point: bad input gets a clear error before anything is written.</summary>
internal static class JournalArguments
{
    public const int MaxPersistenceIdLength = 255;
    public const int MaxTagLength = 255;
    public const int MaxFeedLimit = 10_000;

    public static void PersistenceId(string persistenceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(persistenceId);
        // PostgreSQL text cannot hold NUL; refusing it here keeps both backends alike.
        if (persistenceId.Length > MaxPersistenceIdLength || persistenceId.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A persistence id is 1 to {MaxPersistenceIdLength} characters without NUL.", nameof(persistenceId));
        }
    }

    public static void Tag(string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        if (!IsValidTag(tag))
        {
            throw new ArgumentException($"A tag is 1 to {MaxTagLength} characters without NUL.", nameof(tag));
        }
    }

    public static void SequenceNr(long sequenceNr, string name)
    {
        if (sequenceNr < 0)
        {
            throw new ArgumentOutOfRangeException(name, sequenceNr, "Sequence numbers are never negative.");
        }
    }

    public static void Limit(int limit)
    {
        if (limit is < 1 or > MaxFeedLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A feed page holds 1 to {MaxFeedLimit} events.");
        }
    }

    public static void Events(IReadOnlyList<EventToPersist> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            var item = events[i] ?? throw new ArgumentException($"Event #{i} is null.", nameof(events));
            if (item.Payload is null)
            {
                throw new ArgumentException($"Event #{i} has a null payload.", nameof(events));
            }

            if (item.Tags is null)
            {
                throw new ArgumentException($"Event #{i} has null tags; use an empty list.", nameof(events));
            }

            foreach (var tag in item.Tags)
            {
                if (string.IsNullOrWhiteSpace(tag) || !IsValidTag(tag))
                {
                    throw new ArgumentException($"Event #{i} has an empty, over-long or NUL-containing tag (1 to {MaxTagLength} characters).", nameof(events));
                }
            }
        }
    }

    private static bool IsValidTag(string tag) => tag.Length <= MaxTagLength && !tag.Contains('\0', StringComparison.Ordinal);
}
