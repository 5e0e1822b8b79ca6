using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Protection;

/// <summary>
/// The <see cref="IProtectionSource"/> of a node: an in-memory read model of the journal's <c>protection</c> events
/// (motion windows and evidence locks of every camera). Each read first catches up with the journal, so an answer
/// includes every protection event committed before the call began: the tag feed is read to its end, then whatever an
/// in-process writer reported through <see cref="IJournalWriteObserver"/> and the feed still holds back (PostgreSQL
/// shows an event only once every older transaction has finished) is read by persistence id.
/// </summary>
/// <remarks>
/// Memory: every motion window ever journaled stays in the model (tens of bytes each); retention needs the old ones
/// as long as their segments exist.
/// </remarks>
public sealed partial class ProtectionIndex : IProtectionSource, IJournalWriteObserver, IDisposable
{
    private const int PageSize = 1000;

    private readonly IEventJournal _journal;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly Lock _writtenGate = new();
    private readonly Dictionary<string, long> _written = new(StringComparer.Ordinal);

    // Owned by whoever holds _catchUp.
    private readonly Dictionary<string, long> _applied = new(StringComparer.Ordinal);
    private readonly Dictionary<CameraId, CameraProtectionBuilder> _cameras = [];
    private JournalOffset _offset = JournalOffset.Start;
    private bool _changed;
    private long _eventsApplied;

    private volatile ProtectionSnapshot _snapshot = ProtectionSnapshot.Empty;

    public ProtectionIndex(IEventJournal journal, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ProtectionIndex>();
    }

    /// <summary>How many protection events the model holds (for diagnostics).</summary>
    public long EventsApplied => Interlocked.Read(ref _eventsApplied);

    /// <summary>The last snapshot built, without catching up (may miss the newest events).</summary>
    public ProtectionSnapshot Current => _snapshot;

    /// <inheritdoc/>
    public async ValueTask<ProtectionSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        return _snapshot;
    }

    /// <summary>One camera's motion windows (oldest first) and unreleased locks, caught up with the journal.</summary>
    public async Task<CameraProtection> GetCameraAsync(CameraId cameraId, CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).For(cameraId);

    /// <summary>Motion windows of a camera that overlap <c>[from, to)</c>; an open window reaches to the end of time.</summary>
    public async Task<IReadOnlyList<MotionWindow>> FindMotionAsync(CameraId cameraId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var protection = await GetCameraAsync(cameraId, cancellationToken);
        return [.. protection.Motion.TakeWhile(w => w.Start < to).Where(w => w.End is null || w.End >= from)];
    }

    /// <summary>Unreleased locks of a camera (expired ones included) whose range overlaps <c>[from, to)</c>.</summary>
    public async Task<IReadOnlyList<EvidenceLock>> FindLocksAsync(CameraId cameraId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var protection = await GetCameraAsync(cameraId, cancellationToken);
        return [.. protection.Locks.Where(l => l.From < to && l.To > from)];
    }

    public void Dispose() => _catchUp.Dispose();

    /// <inheritdoc/>
    public void Written(string persistenceId, long sequenceNr)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        lock (_writtenGate)
        {
            if (!_written.TryGetValue(persistenceId, out var known) || known < sequenceNr)
            {
                _written[persistenceId] = sequenceNr;
            }
        }
    }

    /// <summary>Applies everything the journal has beyond what the model holds; returns the number of events applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _catchUp.WaitAsync(cancellationToken);
        try
        {
            var applied = await ReadFeedAsync(cancellationToken) + await ReadHeldBackAsync(cancellationToken);
            if (_changed)
            {
                _changed = false;
                _snapshot = new ProtectionSnapshot(_cameras.Where(c => !c.Value.IsEmpty).ToDictionary(c => c.Key, c => c.Value.Publish()));
            }

            if (applied > 0)
            {
                LogCaughtUp(_logger, applied, _offset);
            }

            return applied;
        }
        finally
        {
            _catchUp.Release();
        }
    }

    private async Task<int> ReadFeedAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        while (true)
        {
            var page = await _journal.ReadByTagAsync(JournalNames.ProtectionTag, _offset, PageSize, cancellationToken);
            foreach (var @event in page)
            {
                applied += Apply(@event.PersistenceId, @event.SequenceNr, @event.Payload) ? 1 : 0;
            }

            if (page.Count == 0)
            {
                return applied;
            }

            _offset = page[^1].Offset;
        }
    }

    private async Task<int> ReadHeldBackAsync(CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, long>> behind;
        lock (_writtenGate)
        {
            behind = [.. _written.Where(w => _applied.GetValueOrDefault(w.Key) < w.Value)];
        }

        var applied = 0;
        foreach (var (persistenceId, highest) in behind)
        {
            var from = _applied.GetValueOrDefault(persistenceId) + 1;
            await foreach (var @event in _journal.ReadEventsAsync(persistenceId, from, highest, cancellationToken))
            {
                applied += Apply(@event.PersistenceId, @event.SequenceNr, @event.Payload) ? 1 : 0;
            }

            // Events of other kinds (alarms) between them are not protection: nothing more to read up to here.
            if (_applied.GetValueOrDefault(persistenceId) < highest)
            {
                _applied[persistenceId] = highest;
            }
        }

        return applied;
    }

    private bool Apply(string persistenceId, long sequenceNr, object payload)
    {
        // Per persistence id the feed and the direct reads both come in sequence order: anything at or below the
        // last applied number was seen by the other path.
        if (_applied.GetValueOrDefault(persistenceId) >= sequenceNr)
        {
            return false;
        }

        _applied[persistenceId] = sequenceNr;
        if (payload is not (MotionStarted or MotionStopped or EvidenceLockAdded or EvidenceLockReleased))
        {
            return false;
        }

        var cameraId = ((ICameraEvent)payload).CameraId;
        if (!_cameras.TryGetValue(cameraId, out var camera))
        {
            camera = new CameraProtectionBuilder(cameraId);
            _cameras[cameraId] = camera;
        }

        camera.Apply(payload);
        _changed = true;
        Interlocked.Increment(ref _eventsApplied);
        return true;
    }
}
