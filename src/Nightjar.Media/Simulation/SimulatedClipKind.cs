namespace Nightjar.Media.Simulation;

/// <summary>The two pre-encoded clips simulated cameras loop.</summary>
public enum SimulatedClipKind
{
    /// <summary>Colour bars with light sensor noise: nothing moves.</summary>
    Static,

    /// <summary>A grey scene where a white box crosses the picture only during <see cref="SimulatedClips.MotionWindows"/>.</summary>
    Motion,
}
