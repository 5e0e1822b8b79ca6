using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Protection;

/// <summary>
/// Evidence locks: an operator protects a range of a camera's recordings until a date or indefinitely. Each camera's
/// locks are journaled under <c>locks/{camera}</c> (<c>EvidenceLockAdded</c>, <c>EvidenceLockReleased</c>, tagged
/// <c>protection</c>), so they survive restarts and reach retention through the <see cref="ProtectionIndex"/> before the
/// command returns. Commands are serialized on this node; a concurrent writer elsewhere makes one of them fail with
/// <see cref="ConcurrencyConflictException"/> and change nothing.
/// </summary>
public sealed partial class EvidenceLocks : IDisposable
{
    /// <summary>Longest reason, in characters.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Longest protected range: a year and a day, far more than any incident.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    private readonly IEventJournal _journal;
    private readonly ICameraManager _cameras;
    private readonly ProtectionIndex _index;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public EvidenceLocks(IEventJournal journal, ICameraManager cameras, ProtectionIndex index, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(cameras);
        ArgumentNullException.ThrowIfNull(index);
        _journal = journal;
        _cameras = cameras;
        _index = index;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EvidenceLocks>();
    }

    public void Dispose() => _gate.Dispose();

    public static string PersistenceIdOf(CameraId camera) => "locks/" + camera.Value;

    /// <summary>The rules of a request at <paramref name="now"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(EvidenceLockRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        if (request.To <= request.From)
        {
            errors.Add(new("to", "must be after from"));
        }
        else if (request.To - request.From > MaxRange)
        {
            errors.Add(new("to", "must be at most 366 days after from"));
        }

        if (request.Until is { } until && until <= now)
        {
            errors.Add(new("until", "must be in the future (leave it out to lock indefinitely)"));
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add(new("reason", "must not be empty"));
        }
        else if (request.Reason.Length > MaxReasonLength)
        {
            errors.Add(new("reason", "must be at most 500 characters"));
        }
        else if (request.Reason.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) || HasLoneSurrogate(request.Reason))
        {
            errors.Add(new("reason", "must be text without control characters"));
        }

        return errors;
    }

    /// <summary>Places a lock on <paramref name="cameraId"/>, placed by <paramref name="by"/> (an API key name).</summary>
    public async Task<LockCommandResult> AddAsync(CameraId cameraId, EvidenceLockRequest request, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(by);
        var now = _time.GetUtcNow();
        var errors = Validate(request, now);
        if (errors.Count > 0)
        {
            return LockCommandResult.Invalid(errors);
        }

        if (!_cameras.Registry.Contains(cameraId))
        {
            return CameraNotFound(cameraId);
        }

        var added = new EvidenceLockAdded(cameraId, LockIds.New(now), request.From, request.To, request.Until, request.Reason, by, now);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await AppendAsync(cameraId, added, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        LogAdded(_logger, added.LockId, cameraId.Value, added.From, added.To, added.Until, by);
        return LockCommandResult.Ok(new EvidenceLock(added.LockId, cameraId, added.From, added.To, added.Until, added.Reason, by, now));
    }

    /// <summary>The camera's unreleased locks (expired ones included), ordered by start; null when the camera does not exist.</summary>
    public async Task<IReadOnlyList<EvidenceLock>?> ListAsync(CameraId cameraId, CancellationToken cancellationToken)
    {
        var protection = await _index.GetCameraAsync(cameraId, cancellationToken);
        return _cameras.Registry.Contains(cameraId) ? protection.Locks : null;
    }

    /// <summary>Releases a lock before its expiry. <see cref="LockCommandStatus.NotFound"/> for an unknown camera or lock.</summary>
    public async Task<LockCommandResult> ReleaseAsync(CameraId cameraId, string lockId, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lockId);
        ArgumentException.ThrowIfNullOrEmpty(by);
        if (!_cameras.Registry.Contains(cameraId))
        {
            return CameraNotFound(cameraId);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var protection = await _index.GetCameraAsync(cameraId, cancellationToken);
            if (protection.Locks.FirstOrDefault(l => string.Equals(l.LockId, lockId, StringComparison.Ordinal)) is not { } existing)
            {
                return LockCommandResult.NotFound("lockId", $"camera '{cameraId.Value}' has no lock '{lockId}'");
            }

            await AppendAsync(cameraId, new EvidenceLockReleased(cameraId, lockId, by, _time.GetUtcNow()), cancellationToken);
            LogReleased(_logger, lockId, cameraId.Value, by);
            return LockCommandResult.Ok(existing);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task AppendAsync(CameraId cameraId, ICameraEvent @event, CancellationToken cancellationToken)
    {
        var persistenceId = PersistenceIdOf(cameraId);
        var expected = await _journal.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);
        // Once the append has joined a batch it may commit even if the caller gives up: never cancel it half way.
        var written = await _journal.AppendAsync(persistenceId, expected, [new EventToPersist(@event, JournalNames.TagsOf(@event))], CancellationToken.None);
        _index.Written(persistenceId, written);
    }

    private static LockCommandResult CameraNotFound(CameraId cameraId) =>
        LockCommandResult.NotFound("id", $"there is no camera '{cameraId.Value}'");

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
