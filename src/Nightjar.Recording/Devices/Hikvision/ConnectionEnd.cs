namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>How one connection to a device ended.</summary>
/// <param name="Healthy">It delivered at least one event or heartbeat: the next failure starts the backoff over.</param>
/// <param name="Unauthorized">The device rejected the credentials.</param>
/// <param name="Error">Why it ended, for status and logs (no secret in it).</param>
internal readonly record struct ConnectionEnd(bool Healthy, bool Unauthorized, string Error);
