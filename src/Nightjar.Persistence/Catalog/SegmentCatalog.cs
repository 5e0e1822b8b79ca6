using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Nightjar.Persistence.Catalog;

/// <summary>
/// The engine-neutral catalog: argument checks, units, metrics and logs around an <see cref="ICatalogBackend"/> that
/// only speaks SQL. Disposing it releases the backend's connections (the factory's callers own that).
/// </summary>
internal sealed partial class SegmentCatalog : ISegmentCatalog, IAsyncDisposable
{
    /// <summary>A read slower than this is logged: playback and the timeline wait on these.</summary>
    private static readonly TimeSpan SlowQuery = TimeSpan.FromSeconds(1);

    private readonly ICatalogBackend _backend;
    private readonly SegmentCatalogOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private int _disposed;

    public SegmentCatalog(ICatalogBackend backend, SegmentCatalogOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory, IMeterFactory? meterFactory)
    {
        _backend = backend;
        _options = options;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<SegmentCatalog>();
        Metrics = new CatalogMetrics(backend.Name, meterFactory);
    }

    /// <summary>"postgresql" or "sqlite".</summary>
    public string Backend => _backend.Name;

    internal ICatalogBackend Store => _backend;

    internal CatalogMetrics Metrics { get; }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await _backend.MigrateAsync(_backend.Migrations, cancellationToken);
    }

    public async Task ApplyAsync(IReadOnlyList<CatalogChange> changes, ProjectionCheckpoint? projection, CancellationToken cancellationToken)
    {
        CatalogArguments.Changes(changes, _options.MaxSegmentDuration);
        if (projection is not null)
        {
            CatalogArguments.Checkpoint(projection, nameof(projection));
        }

        ThrowIfDisposed();
        if (changes.Count == 0 && projection is null)
        {
            return;
        }

        var started = _timeProvider.GetTimestamp();
        var outcome = "error";
        try
        {
            var written = await _backend.ApplyAsync(changes, projection, _timeProvider.GetUtcNow(), cancellationToken);
            if (written)
            {
                outcome = "applied";
                Metrics.ChangesCommitted(changes);
                Log.Applied(_logger, changes.Count, projection?.Projection, projection?.Offset);
            }
            else
            {
                outcome = "stale";
                Log.StaleCheckpoint(_logger, projection!.Projection, projection.Offset, changes.Count);
            }
        }
        finally
        {
            Metrics.ApplyCompleted(_timeProvider.GetElapsedTime(started), outcome);
        }
    }

    public async Task<JournalOffset> GetProjectionOffsetAsync(string projection, CancellationToken cancellationToken)
    {
        CatalogArguments.Name(projection, "projection name", nameof(projection));
        return await QueryAsync("offset", ct => _backend.ReadProjectionOffsetAsync(projection, ct), cancellationToken) ?? JournalOffset.Start;
    }

    public Task<IReadOnlyList<CatalogSegment>> FindAsync(string source, string stream, DateTimeOffset from, DateTimeOffset to, bool includeLost, CancellationToken cancellationToken)
    {
        CatalogArguments.Name(source, "source", nameof(source));
        CatalogArguments.Name(stream, "stream", nameof(stream));
        CatalogArguments.Window(from, to);
        if (from == to)
        {
            return Task.FromResult<IReadOnlyList<CatalogSegment>>([]);
        }

        var fromUs = CatalogTime.ToMicroseconds(from);
        var window = new CatalogWindow(
            source,
            stream,
            fromUs - CatalogTime.ToMicroseconds(_options.MaxSegmentDuration),
            fromUs,
            CatalogTime.ToMicroseconds(to),
            includeLost);
        return QueryAsync("find", ct => _backend.FindAsync(window, ct), cancellationToken);
    }

    public Task<CatalogSegment?> GetAsync(long id, CancellationToken cancellationToken) =>
        QueryAsync("get", ct => _backend.GetAsync(id, ct), cancellationToken);

    public Task<CatalogSegment?> GetByPathAsync(string path, CancellationToken cancellationToken)
    {
        CatalogArguments.Path(path, "the lookup", nameof(path));
        return QueryAsync("get_by_path", ct => _backend.GetByPathAsync(path, ct), cancellationToken);
    }

    public Task<IReadOnlyList<CatalogSegment>> LatestAsync(string source, string stream, int count, CancellationToken cancellationToken) =>
        LatestAsync(source, stream, storageRoot: null, count, cancellationToken);

    public Task<IReadOnlyList<CatalogSegment>> LatestAsync(string source, string stream, string? storageRoot, int count, CancellationToken cancellationToken)
    {
        CatalogArguments.Name(source, "source", nameof(source));
        CatalogArguments.Name(stream, "stream", nameof(stream));
        RootFilter(storageRoot);
        CatalogArguments.PageSize(count, nameof(count));
        return QueryAsync("latest", ct => _backend.LatestAsync(source, stream, storageRoot, count, ct), cancellationToken);
    }

    public Task<IReadOnlyList<CatalogStreamSummary>> SummarizeAsync(string? source, CancellationToken cancellationToken) =>
        SummarizeAsync(source, storageRoot: null, cancellationToken);

    public Task<IReadOnlyList<CatalogStreamSummary>> SummarizeAsync(string? source, string? storageRoot, CancellationToken cancellationToken)
    {
        if (source is not null)
        {
            CatalogArguments.Name(source, "source", nameof(source));
        }

        RootFilter(storageRoot);
        return QueryAsync("summarize", ct => _backend.SummarizeAsync(source, storageRoot, ct), cancellationToken);
    }

    public Task<IReadOnlyList<CatalogSegment>> OldestAsync(string? source, DateTimeOffset? endingBefore, int limit, CancellationToken cancellationToken) =>
        OldestAsync(source, storageRoot: null, endingBefore, after: null, limit, cancellationToken);

    public Task<IReadOnlyList<CatalogSegment>> OldestAsync(string? source, DateTimeOffset? endingBefore, CatalogSegment? after, int limit, CancellationToken cancellationToken) =>
        OldestAsync(source, storageRoot: null, endingBefore, after, limit, cancellationToken);

    public Task<IReadOnlyList<CatalogSegment>> OldestAsync(string? source, string? storageRoot, DateTimeOffset? endingBefore, CatalogSegment? after, int limit, CancellationToken cancellationToken)
    {
        if (source is not null)
        {
            CatalogArguments.Name(source, "source", nameof(source));
        }

        RootFilter(storageRoot);
        CatalogArguments.PageSize(limit, nameof(limit));
        long? endingBeforeUs = endingBefore is { } end ? CatalogTime.ToMicroseconds(end) : null;
        CatalogCursor? cursor = after is null ? null : new CatalogCursor(CatalogTime.ToMicroseconds(after.Start), after.Id);
        return QueryAsync("oldest", ct => _backend.OldestAsync(source, storageRoot, endingBeforeUs, cursor, limit, ct), cancellationToken);
    }

    public Task<IReadOnlyList<CatalogSegment>> InStateAsync(CatalogSegmentState state, CatalogSegment? after, int limit, CancellationToken cancellationToken) =>
        InStateAsync(state, storageRoot: null, after, limit, cancellationToken);

    public Task<IReadOnlyList<CatalogSegment>> InStateAsync(CatalogSegmentState state, string? storageRoot, CatalogSegment? after, int limit, CancellationToken cancellationToken)
    {
        CatalogArguments.State(state, "the query", nameof(state));
        RootFilter(storageRoot);
        CatalogArguments.PageSize(limit, nameof(limit));
        CatalogCursor? cursor = after is null ? null : new CatalogCursor(CatalogTime.ToMicroseconds(after.Start), after.Id);
        return QueryAsync("in_state", ct => _backend.InStateAsync(state, storageRoot, cursor, limit, ct), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _backend.DisposeAsync();
        Metrics.Dispose();
    }

    private async Task<T> QueryAsync<T>(string query, Func<CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var started = _timeProvider.GetTimestamp();
        try
        {
            return await run(cancellationToken);
        }
        finally
        {
            var elapsed = _timeProvider.GetElapsedTime(started);
            Metrics.QueryCompleted(query, elapsed);
            if (elapsed > SlowQuery)
            {
                Log.SlowQuery(_logger, query, _backend.Name, elapsed);
            }
        }
    }

    private static void RootFilter(string? storageRoot)
    {
        if (storageRoot is not null)
        {
            CatalogArguments.Name(storageRoot, "storage root", nameof(storageRoot));
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
