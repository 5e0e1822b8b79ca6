namespace Nightjar.Actors.Persistence;

/// <summary>When a persistent actor saves its state, and how many snapshots it keeps.</summary>
public sealed record SnapshotPolicy
{
    private SnapshotPolicy(int everyEvents, int keepSnapshots)
    {
        EveryEvents = everyEvents;
        KeepSnapshots = keepSnapshots;
    }

    public static SnapshotPolicy Never { get; } = new(0, 1);

    /// <summary>0 when snapshots are off.</summary>
    public int EveryEvents { get; }

    /// <summary>How many of the newest snapshots survive; older ones are deleted after each new snapshot.</summary>
    public int KeepSnapshots { get; }

    /// <summary>
    /// A snapshot each time the sequence number crosses a multiple of <paramref name="events"/> (a batch persist
    /// snapshots once, at its end); snapshots older than the newest <paramref name="keep"/> are deleted.
    /// </summary>
    public static SnapshotPolicy Every(int events, int keep = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        return new SnapshotPolicy(events, keep);
    }
}
