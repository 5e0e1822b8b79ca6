using Nightjar.Cluster.Placement;

namespace Nightjar.Cluster.Coordination;

/// <summary>Turns what a tick read into the planner's input.</summary>
internal static class PlacementInputs
{
    /// <param name="state">What the tick read.</param>
    /// <param name="cameras">The registry's cameras.</param>
    /// <param name="rules">The placement rules.</param>
    /// <param name="avoidStuckOwners">
    /// Nodes that did not start a camera in time receive nothing in this plan, so that camera goes to another node.
    /// </param>
    public static PlacementInput Build(ClusterState state, IReadOnlyList<PlacementCamera> cameras, PlacementRules rules, bool avoidStuckOwners = false)
    {
        var stuck = avoidStuckOwners
            ? state.Assignments.Where(a => a.StartOverdue && a.OwnerNode is not null).Select(a => a.OwnerNode!).ToHashSet(StringComparer.Ordinal)
            : [];
        var nodes = state.Nodes
            .Select(n => new PlacementNode(n.NodeId, stuck.Contains(n.NodeId) ? NodeState.Joining : StateOf(n), n.Capacity) { Labels = n.Labels })
            .ToArray();
        var live = state.Nodes.ToDictionary(n => n.NodeId, n => n.Incarnation, StringComparer.Ordinal);
        var rows = state.Assignments.ToDictionary(a => a.CameraId, StringComparer.Ordinal);
        var assignments = new Dictionary<string, string>(StringComparer.Ordinal);
        var placementCameras = new List<PlacementCamera>(cameras.Count);
        foreach (var camera in cameras)
        {
            var placed = camera;
            if (state.Bitrates.TryGetValue(camera.Id, out var measured))
            {
                placed = placed with { MeasuredMbps = measured };
            }

            if (rows.TryGetValue(camera.Id, out var row))
            {
                placed = placed with { LastMovedAt = row.MovedAt ?? placed.LastMovedAt };
                // Only an owner whose very incarnation is live keeps the camera; a restarted node gets it back by
                // preference (its archive is there), not by the row.
                var ownerLive = row.OwnerNode is { } owner && live.TryGetValue(owner, out var incarnation) && incarnation == row.OwnerIncarnation;
                if (ownerLive && !row.StartOverdue)
                {
                    assignments[camera.Id] = row.OwnerNode!;
                }
                else if (!row.StartOverdue && row.OwnerNode is { } previous && placed.ArchiveNode is null)
                {
                    placed = placed with { ArchiveNode = previous };
                }
            }

            placementCameras.Add(placed);
        }

        return new PlacementInput(nodes, placementCameras, assignments, state.DbNow) { Rules = rules };
    }

    // An expired node that is not yet dead keeps what it holds but receives nothing new.
    private static NodeState StateOf(ClusterState.Node node) => node.Status switch
    {
        _ when node.Expired => NodeState.Joining,
        "active" => NodeState.Alive,
        "leaving" => NodeState.Draining,
        _ => NodeState.Joining,
    };
}
