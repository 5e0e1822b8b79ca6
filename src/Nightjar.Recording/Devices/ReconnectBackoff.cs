namespace Nightjar.Recording.Devices;

/// <summary>Exponential backoff with jitter: <c>initial * 2^failures</c>, capped, varied by ±jitter.</summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, double jitter, Random random)
{
    public TimeSpan Next(int failures)
    {
        var exponent = Math.Clamp(failures, 0, 30);
        var baseTicks = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, exponent));
        double factor;
        lock (random)
        {
            factor = 1 + jitter * (2 * random.NextDouble() - 1);
        }

        return TimeSpan.FromTicks((long)Math.Min(max.Ticks, baseTicks * factor));
    }
}
