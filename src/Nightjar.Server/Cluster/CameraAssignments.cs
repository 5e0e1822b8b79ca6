using System.Collections.Immutable;
using Nightjar.Cluster.Coordination;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Cluster;

/// <summary>
/// The node agent's view of what this node must record (level-triggered: every read replaces the whole set), and the
/// recording engine's <see cref="ICameraOwnership"/>: the engine runs exactly the cameras owned here. Starts with
/// nothing owned, so a node records nothing before the coordinator gave it cameras.
/// </summary>
internal sealed class CameraAssignments : ICameraOwnership
{
    private ImmutableDictionary<string, CameraAssignment> _mine = ImmutableDictionary<string, CameraAssignment>.Empty;
    private ImmutableHashSet<string> _owned = [];

    public event Action? Changed;

    /// <summary>This node's assignments as last read (owned, starting and releasing).</summary>
    public IReadOnlyDictionary<string, CameraAssignment> Mine => _mine;

    public bool Owns(CameraId camera) => _owned.Contains(camera.Value);

    /// <summary>Replaces the view; raises <see cref="Changed"/> when the set of cameras to run differs.</summary>
    public void Update(IReadOnlyList<CameraAssignment> assignments)
    {
        _mine = assignments.ToImmutableDictionary(a => a.CameraId, StringComparer.Ordinal);

        // A releasing camera is stopped here first (break-before-make): its new owner starts once it is released.
        var owned = assignments.Where(a => a.State is AssignmentState.Starting or AssignmentState.Active)
            .Select(a => a.CameraId)
            .ToImmutableHashSet(StringComparer.Ordinal);
        if (owned.SetEquals(_owned))
        {
            return;
        }

        _owned = owned;
        Changed?.Invoke();
    }

    /// <summary>Owns nothing any more (this process was declared dead, or stops).</summary>
    public void Clear() => Update([]);
}
