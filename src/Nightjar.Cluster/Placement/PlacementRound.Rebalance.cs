namespace Nightjar.Cluster.Placement;

internal sealed partial class PlacementRound
{
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Hysteresis (a Schmitt trigger): a session opens when the spread exceeds the threshold and keeps moving cameras,
    /// round after round, until the spread is at most the target. Bitrate noise moves loads by far less than the band
    /// between the two, so a balanced cluster stays still. Overloaded nodes shed even without a session. Nothing moves
    /// while membership is changing; the session state is carried through the pause.
    /// </summary>
    private void Rebalance()
    {
        if (_input.MembershipChanging)
        {
            _sessionOpen = _input.RebalanceSessionOpen;
            return;
        }

        double spread = Spread();
        bool open = Exceeds(spread, _rules.ImbalanceThreshold) || (_input.RebalanceSessionOpen && Exceeds(spread, _rules.ImbalanceTarget));
        bool overloaded = _nodes.Any(n => n.IsTarget && n.IsOverloaded);
        int moves = 0;
        while ((open || overloaded) && moves < _rules.MaxRebalanceMovesPerRound && TryRebalanceMove(open))
        {
            moves++;
        }

        _sessionOpen = open && Exceeds(Spread(), _rules.ImbalanceTarget);
    }

    /// <summary>
    /// Loads are sums of doubles: a spread that is exactly at a threshold on paper must not be judged past it by the
    /// last bit of rounding, or the outcome would depend on summation order.
    /// </summary>
    private static bool Exceeds(double gap, double threshold) => gap > threshold + Tolerance;

    /// <summary>Makes the best move off the hottest node that has one; false when no node has an acceptable move.</summary>
    private bool TryRebalanceMove(bool sessionOpen)
    {
        var sources = _nodes.Where(n => n.IsTarget).OrderByDescending(n => n.Load).ThenBy(n => n.Id, StringComparer.Ordinal).ToArray();
        double minLoad = sources[^1].Load;
        foreach (var source in sources)
        {
            bool overloaded = source.IsOverloaded;
            if (!overloaded)
            {
                // Sources come hottest first: once one is within the target of the coldest node, all later ones are.
                if (!sessionOpen || !Exceeds(source.Load - minLoad, _rules.ImbalanceTarget))
                {
                    return false;
                }
            }

            if (TryMoveFrom(Array.IndexOf(_nodes, source), overloaded))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tries the source's cameras that relieve it most first. A move is accepted only if it lowers the source's load by
    /// at least <see cref="PlacementRules.MinImprovement"/> and leaves the target no hotter than the source (no
    /// overshoot). With unchanged loads that makes the reverse move impossible (it would raise the pair's higher load),
    /// so there is no ping-pong. Unless the source is overloaded, only a target more than
    /// <see cref="PlacementRules.ImbalanceTarget"/> colder than the source qualifies.
    /// </summary>
    private bool TryMoveFrom(int sourceIndex, bool overloaded)
    {
        var source = _nodes[sourceIndex];
        var candidates = new List<(int Camera, double LoadAfter)>(source.Cameras.Count);
        foreach (int camera in source.Cameras)
        {
            // A camera its node's labels no longer suit leaves by the drain bound, with its own reason.
            if (_moved[camera] || InCooldown(camera) || !source.Carries(_cameras[camera].RequiredLabels))
            {
                continue;
            }

            double after = source.LoadWithout(_demand[camera]);
            if (source.Load - after >= _rules.MinImprovement)
            {
                candidates.Add((camera, after));
            }
        }

        candidates.Sort((l, r) => l.LoadAfter != r.LoadAfter ? l.LoadAfter.CompareTo(r.LoadAfter) : l.Camera.CompareTo(r.Camera));
        foreach (var (camera, sourceAfter) in candidates)
        {
            int target = ChooseRebalanceTarget(camera, sourceIndex, sourceAfter, overloaded);
            if (target >= 0)
            {
                Move(camera, target, MoveReason.Rebalance);
                return true;
            }
        }

        return false;
    }

    private int ChooseRebalanceTarget(int camera, int sourceIndex, double sourceAfter, bool overloaded)
    {
        var source = _nodes[sourceIndex];
        var demand = _demand[camera];
        var required = _cameras[camera].RequiredLabels;
        int best = -1;
        double bestLoad = double.PositiveInfinity;
        bool archiveFits = false;
        double archiveLoad = 0;
        for (int n = 0; n < _nodes.Length; n++)
        {
            var node = _nodes[n];
            if (n == sourceIndex || !node.IsTarget || (!overloaded && !Exceeds(source.Load - node.Load, _rules.ImbalanceTarget))
                || !node.Fits(demand) || !node.Carries(required))
            {
                continue;
            }

            double load = node.LoadWith(demand);
            if (load > sourceAfter)
            {
                continue;
            }

            if (n == _archive[camera])
            {
                archiveFits = true;
                archiveLoad = load;
            }

            if (load < bestLoad)
            {
                best = n;
                bestLoad = load;
            }
        }

        return archiveFits && archiveLoad <= bestLoad + _rules.ArchivePreferenceMargin ? _archive[camera] : best;
    }

    private bool InCooldown(int camera) =>
        _cameras[camera].LastMovedAt is { } movedAt && _input.Now - movedAt < _rules.RebalanceCooldown;
}
