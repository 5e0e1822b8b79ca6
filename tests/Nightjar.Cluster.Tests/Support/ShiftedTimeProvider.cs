namespace Nightjar.Cluster.Tests.Support;

/// <summary>The system clock with the wall clock moved by a fixed offset (a node whose time is off); monotonic time is untouched.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
