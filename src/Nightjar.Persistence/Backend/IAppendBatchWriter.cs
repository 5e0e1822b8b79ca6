using Nightjar.Persistence.GroupCommit;

namespace Nightjar.Persistence.Backend;

/// <summary>Writes one group-commit batch in one database transaction.</summary>
internal interface IAppendBatchWriter
{
    /// <summary>
    /// Writes every append of <paramref name="batch"/> in one transaction, marking each one written, conflicting or
    /// failed on its own: one bad append must not fail the others. Throws only when the whole transaction failed
    /// (e.g. the connection or the commit), in which case nothing of the batch may be assumed written.
    /// </summary>
    Task WriteBatchAsync(IReadOnlyList<PendingAppend> batch, DateTimeOffset writtenAt, CancellationToken cancellationToken);
}
