using Microsoft.Extensions.Logging;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Archive;

namespace Nightjar.Recording.Runtime.Recovery;

/// <summary>
/// The engine's start-up reconciliation, before any ffmpeg runs: the catalog catches up with the journal (rows lost
/// between a journal append and a catalog apply reappear), then every stream on disk or in the catalog goes through
/// <see cref="StreamRecovery"/>, including cameras that were removed (their archive stays), and what it finds is
/// journaled under the stream's DVR id, then projected. In a cluster, a stream whose camera another node owns now is
/// journaled under this node's adopted id instead, keeping only the files recorded while this node owned the camera
/// (cluster.md 6.9-C: a killed node's last file fills the failover gap).
/// </summary>
internal sealed partial class RecoveryScanner(RecordingServices services, IEventJournal journal, CatalogProjector projector, ILogger logger)
{
    public async Task<RecoveryReport> RunAsync(CancellationToken cancellationToken)
    {
        var caughtUp = await projector.CatchUpAsync(cancellationToken);
        var streams = await StreamsAsync(cancellationToken);
        int adopted = 0, lost = 0;
        foreach (var stream in streams)
        {
            IReadOnlyList<IRecordingEvent> events;
            try
            {
                events = await services.Recovery.ScanAsync(stream.Camera, stream.Stream, [], checkCatalog: true, cancellationToken);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // One unreadable directory must not keep the node from recording the rest.
                LogStreamFailed(logger, stream.ToString(), error);
                continue;
            }

            if (events.Count == 0)
            {
                continue;
            }

            try
            {
                await AppendAsync(JournalNames.DvrPersistenceId(stream.Camera, stream.Stream), events, cancellationToken);
            }
            catch (Exception error) when (services.Options.NodeId is { } node && IsRefusedInCluster(error))
            {
                // Another node owns the camera now and writes its DVR stream (the database refuses this node's appends,
                // or one raced in). What this node recorded while it still owned the camera (the tail a kill left
                // before the failover) belongs in the index: it goes under this node's own adopted id instead.
                LogStreamRefused(logger, stream.ToString(), events.Count, error.Message);
                events = await AdoptRefusedAsync(node, stream, events, cancellationToken);
                if (events.Count == 0)
                {
                    continue;
                }
            }

            foreach (var @event in events)
            {
                switch (@event)
                {
                    case SegmentRecorded:
                        adopted++;
                        services.Metrics.Recovered(stream.Camera.Value, stream.Stream);
                        break;
                    case SegmentLost missing:
                        lost++;
                        services.Metrics.Lost(stream.Camera.Value, stream.Stream, LossTag(missing.Reason));
                        break;
                }
            }
        }

        caughtUp += await projector.CatchUpAsync(cancellationToken);
        var report = new RecoveryReport(streams.Count, adopted, lost, caughtUp);
        LogFinished(logger, report.Streams, report.Adopted, report.Lost, report.CatalogEvents);
        return report;
    }

    /// <summary>
    /// Journals the events of a stream whose DVR id refused them under <see cref="JournalNames.AdoptedPersistenceId"/>:
    /// lost rows (always of this node's root) and the adopted files that started while this node owned the camera.
    /// Files that started later are orphans: recorded after the node lost the camera, they stay on disk unindexed.
    /// Nothing removes them for now (neither retention, which works from the catalog, nor a reconciliation job, which
    /// does not exist yet); every start finds them again and logs them again. Should this node own the camera again,
    /// its stream actor's own scan does not ask the history and would index them under the DVR id.
    /// </summary>
    /// <returns>The events journaled.</returns>
    private async Task<IReadOnlyList<IRecordingEvent>> AdoptRefusedAsync(
        string node,
        StreamKey stream,
        IReadOnlyList<IRecordingEvent> events,
        CancellationToken cancellationToken)
    {
        var kept = new List<IRecordingEvent>(events.Count);
        var orphans = new List<string>();
        foreach (var @event in events)
        {
            if (@event is SegmentRecorded recorded
                && !await services.SegmentAuthority.OwnedAtAsync(stream.Camera, node, recorded.Start, cancellationToken))
            {
                orphans.Add(recorded.Path);
                continue;
            }

            kept.Add(@event);
        }

        if (orphans.Count > 0)
        {
            LogOrphans(logger, stream, orphans.Count, orphans);
        }

        if (kept.Count > 0)
        {
            var persistenceId = JournalNames.AdoptedPersistenceId(node, stream.Camera, stream.Stream);
            await AppendAsync(persistenceId, kept, cancellationToken);
            LogAdoptedElsewhere(logger, stream, kept.Count, persistenceId);
        }

        return kept;
    }

    /// <summary>A refusal by the database (<c>NJF01</c>: not the camera's owner) or a lost write race: not a failure of this node.</summary>
    internal static bool IsRefusedInCluster(Exception error) =>
        error is ConcurrencyConflictException
        || (error is Npgsql.PostgresException postgres && string.Equals(postgres.SqlState, "NJF01", StringComparison.Ordinal));

    internal static string LossTag(SegmentLossReason reason) => reason switch
    {
        SegmentLossReason.FileMissing => "file_missing",
        SegmentLossReason.Unreadable => "unreadable",
        SegmentLossReason.Truncated => "truncated",
        _ => "corrupt",
    };

    private async Task<List<StreamKey>> StreamsAsync(CancellationToken cancellationToken)
    {
        var streams = new SortedSet<StreamKey>(Comparer<StreamKey>.Create((a, b) =>
        {
            var byCamera = a.Camera.CompareTo(b.Camera);
            return byCamera != 0 ? byCamera : string.CompareOrdinal(a.Stream, b.Stream);
        }));

        foreach (var cameraDirectory in Directory.EnumerateDirectories(services.Layout.Root))
        {
            if (!CameraId.TryParse(Path.GetFileName(cameraDirectory), out var camera, out _))
            {
                continue;
            }

            foreach (var streamDirectory in Directory.EnumerateDirectories(cameraDirectory))
            {
                var name = Path.GetFileName(streamDirectory);
                if (StreamNames.IsValid(name))
                {
                    streams.Add(new StreamKey(camera, name));
                }
            }
        }

        // Streams whose directories are gone entirely still have rows to mark lost.
        // In a cluster, only this node's root: the other nodes' rows describe their disks.
        var root = services.Options.NodeId is null ? null : services.Layout.CatalogRootName;
        foreach (var summary in await services.Catalog.SummarizeAsync(null, root, cancellationToken))
        {
            if (CameraId.TryParse(summary.Source, out var camera, out _) && StreamNames.IsValid(summary.Stream))
            {
                streams.Add(new StreamKey(camera, summary.Stream));
            }
        }

        return [.. streams];
    }

    private async Task AppendAsync(string persistenceId, IReadOnlyList<IRecordingEvent> events, CancellationToken cancellationToken)
    {
        // No actor owns the id yet (the engine starts them after this), so reading the head and appending is safe;
        // the stream actor recovers a DVR id's events like its own, and only this node's start-up writes its adopted id.
        var head = await journal.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);
        var batch = events.Select(e => new EventToPersist(e, JournalNames.TagsOf(e))).ToList();
        await journal.AppendAsync(persistenceId, head, batch, cancellationToken);
    }
}
