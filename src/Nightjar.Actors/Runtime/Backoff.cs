namespace Nightjar.Actors.Runtime;

/// <summary>Akka's <c>BackoffSupervisor.CalculateDelay</c>: exponential, capped, then stretched by up to <c>RandomFactor</c>.</summary>
internal static class Backoff
{
    public static TimeSpan Compute(SupervisorStrategy strategy, int restartCount, double random01)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(restartCount);
        double minTicks = strategy.MinBackoff.Ticks;
        double maxTicks = strategy.MaxBackoff.Ticks;

        // 2^n overflows long ticks fast; doubles saturate to infinity, which Math.Min then caps.
        double exponential = Math.Min(maxTicks, minTicks * Math.Pow(2, restartCount));
        double jittered = exponential * (1 + (random01 * strategy.RandomFactor));
        return jittered >= TimeSpan.MaxValue.Ticks ? strategy.MaxBackoff : TimeSpan.FromTicks((long)jittered);
    }
}
