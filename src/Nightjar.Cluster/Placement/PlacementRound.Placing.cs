namespace Nightjar.Cluster.Placement;

internal sealed partial class PlacementRound
{
    /// <summary>
    /// Cameras without a node (new, or their node died or left the view) are placed at once, without a bound: a
    /// camera that is not recorded is worse than a busy round. Those that fit nowhere are reported. Runs again at the
    /// end of the round, in case rebalancing made room.
    /// </summary>
    private void PlaceCamerasWithoutNode()
    {
        var waiting = new List<int>();
        for (int c = 0; c < _cameras.Length; c++)
        {
            if (_owner[c] < 0)
            {
                waiting.Add(c);
            }
        }

        waiting.Sort(CompareForPlacement);
        _unplaced.Clear();
        foreach (int camera in waiting)
        {
            int node = ChooseNode(camera, exclude: -1);
            if (node < 0)
            {
                _unplaced.Add(camera);
                continue;
            }

            Move(camera, node, _lostOwner[camera] is null ? MoveReason.Initial : MoveReason.Failover);
        }
    }

    /// <summary>
    /// Cameras on a draining node, or on a node that no longer carries their required labels, must leave; they are
    /// still being recorded, so they move in bounded steps (make-before-break handoffs take time) and regardless of
    /// the imbalance threshold and cooldown. One that fits nowhere stays and is reported as stranded.
    /// </summary>
    private void EvacuateCameras()
    {
        var leaving = new List<int>();
        for (int c = 0; c < _cameras.Length; c++)
        {
            int owner = _owner[c];
            if (owner >= 0 && !_moved[c]
                && (_nodes[owner].State == NodeState.Draining || !_nodes[owner].Carries(_cameras[c].RequiredLabels)))
            {
                leaving.Add(c);
            }
        }

        leaving.Sort(CompareForPlacement);
        int moves = 0;
        foreach (int camera in leaving)
        {
            if (moves >= _rules.MaxDrainMovesPerRound)
            {
                break;
            }

            int from = _owner[camera];
            int to = ChooseNode(camera, exclude: from);
            if (to < 0)
            {
                _stranded.Add(_cameras[camera].Id);
                continue;
            }

            Move(camera, to, _nodes[from].State == NodeState.Draining ? MoveReason.Drain : MoveReason.Label);
            moves++;
        }
    }
}
