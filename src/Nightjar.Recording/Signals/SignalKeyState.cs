namespace Nightjar.Recording.Signals;

/// <summary>The last accepted report of one <see cref="SignalKey"/>.</summary>
/// <param name="Active">Whether the condition is going on.</param>
/// <param name="IsMotion">Whether it counts as motion.</param>
/// <param name="LastAt">Time of the last accepted report: anything older arrives out of order and is dropped.</param>
/// <param name="LastWasPulse">The last accepted report was a pulse (a pulse at the very same instant repeats it).</param>
internal readonly record struct SignalKeyState(bool Active, bool IsMotion, DateTimeOffset LastAt, bool LastWasPulse);
