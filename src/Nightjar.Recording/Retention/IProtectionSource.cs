namespace Nightjar.Recording.Retention;

/// <summary>
/// The motion windows and evidence locks retention must respect: a read model of the journal's <c>protection</c>
/// events (<c>MotionStarted</c>, <c>MotionStopped</c>, <c>EvidenceLockAdded</c>, <c>EvidenceLockReleased</c>).
/// </summary>
public interface IProtectionSource
{
    /// <summary>
    /// A snapshot that includes at least every protection event journaled before the call began, so a lock
    /// acknowledged to an operator is honoured by the very next retention pass.
    /// </summary>
    ValueTask<ProtectionSnapshot> GetSnapshotAsync(CancellationToken cancellationToken);
}
