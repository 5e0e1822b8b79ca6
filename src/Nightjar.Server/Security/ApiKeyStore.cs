using Microsoft.Extensions.Options;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.Events;
using Nightjar.Recording.Validation;

namespace Nightjar.Server.Security;

/// <summary>
/// The API keys of the site: an <see cref="ApiKeyRegistry"/> rebuilt from the journal (persistence id
/// <see cref="PersistenceId"/>), changed only by appending an event at the expected sequence number and then applying
/// it. Requests read <see cref="Current"/>, an immutable snapshot, without locking.
/// </summary>
/// <remarks>
/// Other nodes of a cluster append to the same persistence id: a write that loses the race reloads and decides again
/// once, and <see cref="RefreshAsync"/> (run periodically by <see cref="ApiKeyStartupService"/>) brings their keys
/// and revocations here; <see cref="CatchUpForUnknownKeyAsync"/> does so on demand when a request brings a key id
/// this node has never seen.
/// </remarks>
internal sealed partial class ApiKeyStore(
    IEventJournal journal,
    TimeProvider timeProvider,
    ILogger<ApiKeyStore> logger,
    IOptions<ApiKeyStoreOptions>? options = null) : IDisposable
{
    public const string PersistenceId = "apikeys";

    /// <summary>Tag of every key event, for projections and the event feed.</summary>
    public const string Tag = "apikeys";

    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile Snapshot _snapshot = new(ApiKeyRegistry.Empty, 0);
    private volatile bool _loaded;
    private readonly Lock _catchUpGate = new();
    private readonly TimeSpan? _catchUpSpacing = (options?.Value ?? new ApiKeyStoreOptions()).UnknownKeyCatchUpSpacing;
    private Task? _catchUp;
    private long _catchUpStarted;

    /// <summary>The keys as last loaded or written; <see cref="ApiKeyRegistry.Empty"/> before <see cref="RefreshAsync"/>.</summary>
    public ApiKeyRegistry Current => _snapshot.Registry;

    /// <summary>The journal sequence number <see cref="Current"/> reflects.</summary>
    public long SequenceNr => _snapshot.SequenceNr;

    /// <summary>True once the journal has been read: before that every key is refused.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>Applies the events appended since the last read (by any node).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Reads the key events of other nodes before a key with an unknown id is refused: at most one read per
    /// <see cref="ApiKeyStoreOptions.UnknownKeyCatchUpSpacing"/>, which every caller within that period shares (so
    /// two requests with a key just created elsewhere both wait for the same read). Never throws for a journal that
    /// is away: the keys already loaded stay in use.
    /// </summary>
    /// <returns>False when catching up is off (<see cref="ApiKeyStoreOptions.UnknownKeyCatchUpSpacing"/> is null).</returns>
    public async Task<bool> CatchUpForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        if (_catchUpSpacing is not { } spacing || !_loaded)
        {
            return false;
        }

        Task catchUp;
        lock (_catchUpGate)
        {
            var now = timeProvider.GetTimestamp();
            if (_catchUp is null || timeProvider.GetElapsedTime(_catchUpStarted, now) >= spacing)
            {
                _catchUpStarted = now;
                // Not bound to one caller's cancellation: the others share this read.
                _catchUp = Task.Run(CatchUpQuietlyAsync, CancellationToken.None);
            }

            catchUp = _catchUp;
        }

        await catchUp.WaitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The first admin key when no key exists yet (<see cref="ApiKeyBootstrap.Run"/>), persisted. When another node
    /// bootstraps first, the result is <see cref="ApiKeyBootstrapStatus.NotNeeded"/> and nothing is written here.
    /// </summary>
    public async Task<ApiKeyBootstrapResult> BootstrapAsync(string? configuredKey, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(cancellationToken);
            for (var attempt = 0; ; attempt++)
            {
                var snapshot = _snapshot;
                var result = ApiKeyBootstrap.Run(snapshot.Registry, configuredKey, timeProvider.GetUtcNow());
                if (result.Event is null)
                {
                    return result;
                }

                if (await TryAppendAsync(snapshot, result.Event, attempt, cancellationToken))
                {
                    return result;
                }
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Creates a key (<c>POST /api/v1/keys</c>): the new key to show once, or the field errors.</summary>
    /// <exception cref="ConcurrencyConflictException">Other writers won twice in a row; nothing was written.</exception>
    public async Task<ValidationResult<NewApiKey>> CreateAsync(string? name, string? role, CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync(r => r.PrepareCreate(name, role, timeProvider.GetUtcNow()), k => k.Event, cancellationToken);
        if (result.Value is { } created)
        {
            var createdRole = created.Event.Role;
            LogKeyCreated(logger, created.Id, createdRole, created.Event.Name);
        }

        return result;
    }

    /// <summary>Revokes a key: the event, or why not (unknown id, already revoked, last admin key).</summary>
    /// <exception cref="ConcurrencyConflictException">Other writers won twice in a row; nothing was written.</exception>
    public async Task<ValidationResult<ApiKeyRevoked>> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var result = await ExecuteAsync(r => r.PrepareRevoke(id, timeProvider.GetUtcNow()), e => e, cancellationToken);
        if (result.IsValid)
        {
            LogKeyRevoked(logger, id);
        }

        return result;
    }

    public void Dispose() => _writer.Dispose();

    private async Task CatchUpQuietlyAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCatchUpFailed(logger, ex);
        }
    }

    private async Task<ValidationResult<T>> ExecuteAsync<T>(
        Func<ApiKeyRegistry, ValidationResult<T>> decide,
        Func<T, IRecordingEvent> eventOf,
        CancellationToken cancellationToken)
        where T : class
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var snapshot = _snapshot;
                var decision = decide(snapshot.Registry);
                if (decision.Value is not { } value)
                {
                    return decision;
                }

                if (await TryAppendAsync(snapshot, eventOf(value), attempt, cancellationToken))
                {
                    return decision;
                }
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Appends at the snapshot's sequence number; on the first conflict reloads and returns false (decide again).</summary>
    private async Task<bool> TryAppendAsync(Snapshot snapshot, IRecordingEvent @event, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            var sequenceNr = await journal.AppendAsync(PersistenceId, snapshot.SequenceNr, [new EventToPersist(@event, [Tag])], cancellationToken);
            _snapshot = new Snapshot(snapshot.Registry.Apply(@event), sequenceNr);
            return true;
        }
        catch (ConcurrencyConflictException) when (attempt == 0)
        {
            LogWriteConflict(logger, snapshot.SequenceNr);
            await CatchUpAsync(cancellationToken);
            return false;
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var registry = snapshot.Registry;
        var sequenceNr = snapshot.SequenceNr;
        await foreach (var stored in journal.ReadEventsAsync(PersistenceId, sequenceNr + 1, long.MaxValue, cancellationToken))
        {
            if (stored.Payload is IRecordingEvent @event)
            {
                registry = registry.Apply(@event);
            }

            sequenceNr = stored.SequenceNr;
        }

        if (!_loaded)
        {
            var active = registry.Keys.Count(k => !k.IsRevoked);
            LogKeysLoaded(logger, active, sequenceNr);
        }

        _snapshot = new Snapshot(registry, sequenceNr);
        _loaded = true;
    }

    /// <summary>Registry and sequence number replaced together, so a writer never pairs one with the other's past.</summary>
    private sealed record Snapshot(ApiKeyRegistry Registry, long SequenceNr);
}
