namespace Nightjar.Cluster.Coordination;

/// <summary>Where a camera's assignment is in its state machine.</summary>
public enum AssignmentState
{
    /// <summary>No node records it.</summary>
    Unassigned,

    /// <summary>The owner should start recording and then report it.</summary>
    Starting,

    /// <summary>The owner records it.</summary>
    Active,

    /// <summary>The owner should stop recording (its last segment in the journal) and then report the release.</summary>
    Releasing,
}
