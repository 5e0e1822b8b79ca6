namespace Nightjar.Server.Playback;

/// <summary>A range of the timeline held by an evidence lock in force, clipped to the window; times in UTC.</summary>
/// <param name="From">Start (inclusive).</param>
/// <param name="To">End (exclusive).</param>
/// <param name="LockId">The lock.</param>
/// <param name="Until">When the lock expires; null for indefinitely.</param>
internal sealed record LockedRangeResponse(DateTime From, DateTime To, string LockId, DateTime? Until);
