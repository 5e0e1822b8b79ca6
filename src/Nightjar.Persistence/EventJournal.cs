using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence.Backend;
using Nightjar.Persistence.Feeds;
using Nightjar.Persistence.GroupCommit;
using Nightjar.Persistence.Serialization;

namespace Nightjar.Persistence;

/// <summary>
/// The engine-neutral journal: validation, JSON through the registry, group commit, live feeds and metrics around
/// an <see cref="IJournalBackend"/> that only speaks SQL.
/// </summary>
internal sealed partial class EventJournal : IEventJournal
{
    private readonly IJournalBackend _backend;
    private readonly JournalSerializer _serializer;
    private readonly EventJournalOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly JournalSignal _signal = new();
    private readonly GroupCommitWriter _writer;
    private readonly LiveFeed _liveFeed;
    private int _disposed;

    public EventJournal(
        IJournalBackend backend,
        EventTypeRegistry registry,
        EventJournalOptions options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IMeterFactory? meterFactory)
    {
        _backend = backend;
        _serializer = new JournalSerializer(registry);
        _options = options;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<EventJournal>();
        Metrics = new JournalMetrics(backend.Name, meterFactory);
        _writer = new GroupCommitWriter(backend, timeProvider, loggerFactory.CreateLogger<GroupCommitWriter>(), options.MaxBatchSize, OnBatchCommitted);
        _liveFeed = new LiveFeed(ReadFeedAsync, _signal, timeProvider, options.PollInterval, options.PageSize);
    }

    public string Backend => _backend.Name;

    internal IJournalBackend Store => _backend;

    internal JournalMetrics Metrics { get; }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await _backend.MigrateAsync(_backend.Migrations, cancellationToken);
    }

    public async Task<long> AppendAsync(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventToPersist> events, CancellationToken cancellationToken)
    {
        JournalArguments.PersistenceId(persistenceId);
        JournalArguments.SequenceNr(expectedSequenceNr, nameof(expectedSequenceNr));
        JournalArguments.Events(events);
        ThrowIfDisposed();
        if (events.Count == 0)
        {
            return expectedSequenceNr;
        }

        // Serialize on the caller's thread: an unregistered type fails here, before the batch sees it.
        var serialized = new SerializedEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var (typeName, json) = _serializer.Serialize(events[i].Payload);
            serialized[i] = new SerializedEvent(typeName, json, events[i].Tags.Distinct(StringComparer.Ordinal).ToArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var started = _timeProvider.GetTimestamp();
        var outcome = "error";
        try
        {
            var highest = await _writer.EnqueueAsync(new PendingAppend(persistenceId, expectedSequenceNr, serialized, cancellationToken))
                .WaitAsync(cancellationToken);
            outcome = "written";
            return highest;
        }
        catch (ConcurrencyConflictException ex)
        {
            outcome = "conflict";
            Metrics.Conflict();
            Log.AppendConflict(_logger, persistenceId, ex.ExpectedSequenceNr, ex.ActualSequenceNr);
            throw;
        }
        finally
        {
            Metrics.AppendCompleted(_timeProvider.GetElapsedTime(started), outcome);
        }
    }

    public async Task<JournalHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var expected = _backend.Migrations.Count;
        using var deadline = new CancellationTokenSource(_options.HealthTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var applied = await _backend.ReadAppliedMigrationsAsync(linked.Token);
            var version = applied.Count == 0 ? 0 : applied.Max(a => a.Version);
            return new JournalHealth(Backend, IsReachable: true, version, expected,
                version >= expected ? null : $"Journal schema is at version {version}; this build needs {expected}. Migrations have not run.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new JournalHealth(Backend, IsReachable: false, 0, expected, $"The {Backend} journal did not answer within {_options.HealthTimeout}.");
        }
#pragma warning disable CA1031 // Readiness reports any failure as "not ready" instead of throwing into the health endpoint.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.HealthCheckFailed(_logger, Backend, ex);
            return new JournalHealth(Backend, IsReachable: false, 0, expected, $"The {Backend} journal is unreachable: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync();
        await _backend.DisposeAsync();
        Metrics.Dispose();
    }

    private void OnBatchCommitted(IReadOnlyList<PendingAppend> batch)
    {
        Metrics.BatchCommitted(batch.Count);
        var written = 0;
        foreach (var append in batch)
        {
            if (append.Outcome == AppendOutcome.Written)
            {
                written += append.Events.Count;
            }
        }

        Metrics.EventsAppended(written);
        _signal.Pulse();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
