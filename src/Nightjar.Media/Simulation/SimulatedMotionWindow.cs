namespace Nightjar.Media.Simulation;

/// <summary>A span of clip time (from the clip's start, repeating every loop) during which something moves.</summary>
public sealed record SimulatedMotionWindow(TimeSpan Start, TimeSpan End)
{
    public bool Contains(TimeSpan clipOffset) => clipOffset >= Start && clipOffset < End;
}
