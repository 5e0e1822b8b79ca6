namespace Nightjar.Cluster.Placement;

/// <summary>
/// Everything one placement round looks at: the membership view, the cameras, the current assignment, the rules and
/// the time. Order of the lists does not matter; ids are compared ordinally.
/// </summary>
/// <param name="Nodes">The membership view (every node once).</param>
/// <param name="Cameras">Every camera to be recorded (each once).</param>
/// <param name="Assignments">
/// Current owner of each camera (camera id → node id). A camera missing here has no node; a camera assigned to a
/// node that is dead or not in <paramref name="Nodes"/> is failed over; entries for unknown cameras are ignored.
/// </param>
/// <param name="Now">The time of the round (from the coordinator's TimeProvider); only compared with cooldowns.</param>
public sealed record PlacementInput(
    IReadOnlyList<PlacementNode> Nodes,
    IReadOnlyList<PlacementCamera> Cameras,
    IReadOnlyDictionary<string, string> Assignments,
    DateTimeOffset Now)
{
    public PlacementRules Rules { get; init; } = PlacementRules.Default;

    /// <summary>
    /// Membership is changing (a node joined, left or died within the stable-after window, or one is expired but not
    /// yet declared dead): rebalancing pauses; failover, drain and label placements still run.
    /// </summary>
    public bool MembershipChanging { get; init; }

    /// <summary>
    /// Whether a rebalancing session was open after the previous round (<see cref="PlacementPlan.RebalanceSessionOpen"/>),
    /// the state of the hysteresis. A coordinator may also set it after a membership change so that a new node fills
    /// even when the spread is inside the band.
    /// </summary>
    public bool RebalanceSessionOpen { get; init; }

    /// <summary>
    /// The input of the next round once <paramref name="plan"/> has been written at <see cref="Now"/>: its
    /// assignments, its hysteresis state and the move time of every camera it moved. Advance <see cref="Now"/> with
    /// <c>with</c>. This is what a coordinator would read back; simulations use it to run rounds.
    /// </summary>
    public PlacementInput Apply(PlacementPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var moved = new HashSet<string>(plan.Moves.Select(m => m.CameraId), StringComparer.Ordinal);
        var cameras = moved.Count == 0
            ? Cameras
            : Cameras.Select(c => moved.Contains(c.Id) ? c with { LastMovedAt = Now } : c).ToArray();
        return this with
        {
            Cameras = cameras,
            Assignments = plan.Assignments,
            RebalanceSessionOpen = plan.RebalanceSessionOpen,
        };
    }
}
