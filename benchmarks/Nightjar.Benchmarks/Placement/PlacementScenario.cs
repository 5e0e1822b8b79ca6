using Nightjar.Cluster.Placement;

namespace Nightjar.Benchmarks.Placement;

/// <summary>
/// Runs placement rounds the way the coordinator does: every 30 s, plan, write (apply), and after a membership change
/// keep rebalancing paused for the stable-after window (60 s = two rounds).
/// </summary>
public sealed class PlacementScenario(PlacementInput start)
{
    public static readonly TimeSpan RoundInterval = TimeSpan.FromSeconds(30);
    private const int StableAfterRounds = 2;
    private int _roundsSinceChange = int.MaxValue;

    public PlacementInput Current { get; private set; } = start;

    public int Rounds { get; private set; }

    public PlacementPlan? LastPlan { get; private set; }

    /// <summary>A membership change (a node dies, comes back, …): applied now, rebalancing paused for stable-after.</summary>
    public void ChangeMembership(Func<PlacementInput, PlacementInput> change)
    {
        Current = change(Current);
        _roundsSinceChange = 0;
    }

    public void ChangeCameras(Func<PlacementInput, PlacementInput> change) => Current = change(Current);

    public PlacementPlan Step()
    {
        var input = Current with { MembershipChanging = _roundsSinceChange < StableAfterRounds };
        var plan = PlacementPlanner.Plan(input);
        Current = input.Apply(plan) with { Now = input.Now + RoundInterval };
        _roundsSinceChange = _roundsSinceChange == int.MaxValue ? int.MaxValue : _roundsSinceChange + 1;
        Rounds++;
        LastPlan = plan;
        return plan;
    }

    /// <summary>
    /// Rounds until the cluster is quiet: no move after the stable-after window and the rebalancing session closed; a
    /// session that stays open because its candidates are cooling down gets a cooldown's worth of rounds more. Returns
    /// the moves made, by reason, the rounds up to the last move, and the most moves in one round.
    /// </summary>
    public (Dictionary<MoveReason, int> Moves, int Rounds, int MaxMovesInARound) Settle(int maxRounds = 500)
    {
        int cooldownRounds = (int)Math.Ceiling(Current.Rules.RebalanceCooldown / RoundInterval) + 1;
        var moves = Enum.GetValues<MoveReason>().ToDictionary(r => r, _ => 0);
        int maxInRound = 0;
        int lastMove = 0;
        for (int round = 1; round <= maxRounds; round++)
        {
            bool paused = _roundsSinceChange < StableAfterRounds;
            var plan = Step();
            foreach (var move in plan.Moves)
            {
                moves[move.Reason]++;
            }

            maxInRound = Math.Max(maxInRound, plan.Moves.Count);
            if (plan.Moves.Count > 0 || paused)
            {
                lastMove = round;
                continue;
            }

            if (!plan.RebalanceSessionOpen || round - lastMove >= cooldownRounds)
            {
                return (moves, lastMove, maxInRound);
            }
        }

        throw new InvalidOperationException($"placement did not settle within {maxRounds} rounds");
    }
}
