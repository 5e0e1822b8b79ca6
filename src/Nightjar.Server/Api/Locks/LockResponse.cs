using Nightjar.Recording.Retention;

namespace Nightjar.Server.Api.Locks;

/// <summary>An evidence lock as the API shows it; times in UTC.</summary>
/// <param name="Id">The lock id (26 characters).</param>
/// <param name="Camera">The camera.</param>
/// <param name="From">Start of the protected range.</param>
/// <param name="To">End of the protected range (exclusive).</param>
/// <param name="Until">Expiry; null for indefinitely.</param>
/// <param name="Reason">The operator's reason.</param>
/// <param name="By">Name of the API key that placed it.</param>
/// <param name="At">When it was placed.</param>
/// <param name="InForce">False once <paramref name="Until"/> has passed: an expired lock protects nothing.</param>
internal sealed record LockResponse(string Id, string Camera, DateTime From, DateTime To, DateTime? Until, string Reason, string By, DateTime At, bool InForce)
{
    public static LockResponse Of(EvidenceLock @lock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@lock);
        return new(
            @lock.LockId,
            @lock.CameraId.Value,
            @lock.From.UtcDateTime,
            @lock.To.UtcDateTime,
            @lock.Until?.UtcDateTime,
            @lock.Reason,
            @lock.By,
            @lock.At.UtcDateTime,
            @lock.IsInForce(now));
    }
}
