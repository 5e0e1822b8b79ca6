namespace Nightjar.Cluster.Tests.Support;

/// <summary>Runs placement rounds the way the coordinator would: plan, write (apply), advance the clock.</summary>
internal sealed class PlacementSimulation(PlacementInput start)
{
    public static readonly TimeSpan RoundInterval = TimeSpan.FromSeconds(30);

    public PlacementInput Current { get; private set; } = start;

    public List<PlacementPlan> Plans { get; } = [];

    public int TotalMoves => Plans.Sum(p => p.Moves.Count);

    /// <summary>One round: optionally change the state first, plan, check the invariants, apply, advance time.</summary>
    public PlacementPlan Step(Func<PlacementInput, PlacementInput>? change = null)
    {
        if (change is not null)
        {
            Current = change(Current);
        }

        var plan = PlacementPlanner.Plan(Current);
        PlanInvariants.Check(Current, plan);
        Plans.Add(plan);
        Current = Current.Apply(plan) with { Now = Current.Now + RoundInterval };
        return plan;
    }

    /// <summary>Runs rounds until one makes no move; returns how many rounds moved something.</summary>
    public int RunUntilQuiet(int maxRounds = 200)
    {
        for (int round = 0; round < maxRounds; round++)
        {
            if (Step().Moves.Count == 0)
            {
                return round;
            }
        }

        throw new InvalidOperationException($"placement did not settle within {maxRounds} rounds");
    }
}
