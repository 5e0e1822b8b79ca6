using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Nightjar.Actors.Persistence;
using Npgsql;

namespace Nightjar.Recording.Runtime.Journal;

/// <summary>
/// The engine's <see cref="IEventStore"/>: appends that fail for a transient reason (the database restarting, a
/// dropped connection, a timeout) are retried with backoff (0.2 s doubling to 5 s) for up to a window, so a
/// PostgreSQL restart of a few seconds only delays the journaling of segments ffmpeg keeps writing. Everything else
/// (a write conflict, a refusal by the database such as SQLSTATE <c>NJF01</c> for a DVR this node does not own, a
/// serialization error) fails at once. Reads and snapshots pass through: an actor whose recovery fails is restarted by
/// its supervisor with backoff.
/// </summary>
/// <param name="inner">The journal.</param>
/// <param name="window">How long to retry; null retries until the database answers or the caller cancels.</param>
/// <param name="time">The clock of the backoff and the window.</param>
/// <param name="logger">Logs each retry, the recovery and giving up.</param>
/// <param name="retried">Told the persistence id of each retry (a metric).</param>
/// <remarks>
/// A failure while committing is ambiguous: the append may have been stored. When a retry after a transient failure
/// then hits <see cref="ConcurrencyConflictException"/> and the stream ends exactly at
/// <c>expected + events.Count</c>, the first attempt committed and the append succeeds.
/// </remarks>
internal sealed partial class RetryingEventStore(
    IEventStore inner,
    TimeSpan? window,
    TimeProvider time,
    ILogger logger,
    Action<string>? retried = null) : IEventStore
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task AppendAsync(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventToPersist> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var started = time.GetTimestamp();
        var delay = FirstDelay;
        var failedTransiently = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await inner.AppendAsync(persistenceId, expectedSequenceNr, events, cancellationToken);
                if (failedTransiently)
                {
                    var seconds = time.GetElapsedTime(started).TotalSeconds;
                    LogRecovered(logger, persistenceId, attempt, seconds);
                }

                return;
            }
            catch (ConcurrencyConflictException) when (failedTransiently)
            {
                // The attempt whose connection failed may have committed: then the stream ends exactly where it would.
                if (await HighestAsync(persistenceId, expectedSequenceNr, events.Count, cancellationToken) != expectedSequenceNr + events.Count)
                {
                    throw;
                }

                LogAmbiguousCommitted(logger, persistenceId, expectedSequenceNr + 1, events.Count);
                return;
            }
            catch (Exception error) when (IsTransient(error) && !cancellationToken.IsCancellationRequested)
            {
                var elapsed = time.GetElapsedTime(started);
                if (window is { } limit && elapsed + delay > limit)
                {
                    LogGaveUp(logger, persistenceId, attempt, elapsed.TotalSeconds, error);
                    throw;
                }

                failedTransiently = true;
                retried?.Invoke(persistenceId);
                LogRetrying(logger, persistenceId, attempt, delay.TotalMilliseconds, error.Message);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    public Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken) =>
        inner.LoadLatestSnapshotAsync(persistenceId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        inner.ReadEventsAsync(persistenceId, fromSequenceNr, cancellationToken);

    public Task SaveSnapshotAsync(string persistenceId, long sequenceNr, object state, CancellationToken cancellationToken) =>
        inner.SaveSnapshotAsync(persistenceId, sequenceNr, state, cancellationToken);

    public Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken) =>
        inner.DeleteSnapshotsAsync(persistenceId, beforeSequenceNr, cancellationToken);

    /// <summary>
    /// Transient: the database could not be reached or went away (connection refused or reset, timeout, a server
    /// shutting down or starting up). Not transient: anything the database decided (a constraint, a refusal such as
    /// <c>NJF01</c>), a conflict, a bug.
    /// </summary>
    internal static bool IsTransient(Exception error)
    {
        if (error is ConcurrencyConflictException or OperationCanceledException)
        {
            return false;
        }

        // A PostgresException is the server's answer; only the shutdown/start-up and resource classes Npgsql marks
        // transient (57P01 admin shutdown, 57P03 cannot connect now, 53xxx, 08xxx) are what a restart produces.
        if (error is PostgresException postgres)
        {
            return postgres.IsTransient && !postgres.SqlState.StartsWith("NJ", StringComparison.Ordinal);
        }

        for (var current = error; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException { IsTransient: true }:
                case DbException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
                case PostgresException:
                case ConcurrencyConflictException:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The stream's highest sequence number, read no further than one past what the append would have made it.</summary>
    private async Task<long> HighestAsync(string persistenceId, long expectedSequenceNr, int count, CancellationToken cancellationToken)
    {
        var highest = expectedSequenceNr;
        await foreach (var stored in inner.ReadEventsAsync(persistenceId, expectedSequenceNr + 1, cancellationToken).WithCancellation(cancellationToken))
        {
            highest = Math.Max(highest, stored.SequenceNr);
            if (highest > expectedSequenceNr + count)
            {
                break;
            }
        }

        return highest;
    }
}
