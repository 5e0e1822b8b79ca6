using Microsoft.Extensions.Logging;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Recovery;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>What a stream does before it records: journal what its previous incarnation left behind.</summary>
internal sealed partial class StreamActor
{
    private async Task AdoptLeftoversAsync()
    {
        try
        {
            var events = await _services.Recovery.ScanAsync(_camera, Name, State.RecentPaths, checkCatalog: false, Context.Aborted);
            if (_services.Options.NodeId is { } node)
            {
                events = await WithoutOrphansAsync(events, node);
            }

            if (events.Count == 0)
            {
                return;
            }

            await PersistAsync([.. events]);
            foreach (var @event in events)
            {
                if (@event is SegmentRecorded recorded)
                {
                    _services.Metrics.Recovered(_camera.Value, Name);
                    _services.Metrics.SegmentRecorded(_camera.Value, Name, recorded.Bytes);
                }
                else if (@event is SegmentLost lost)
                {
                    _services.Metrics.Lost(_camera.Value, Name, RecoveryScanner.LossTag(lost.Reason));
                }
            }

            LogAdopted(_logger, _camera.Value, Name, events.Count);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Recording must start anyway; the engine's next start-up pass retries these files. A database error is not
            // caught: the actor restarts with backoff and tries again (a database that cannot say who owned the camera
            // then never makes this node guess).
            LogAdoptionFailed(_logger, _camera.Value, Name, error);
        }
    }

    /// <summary>
    /// In a cluster, a file this node wrote while another node owned the camera (it kept recording, cut off from the
    /// database) is an orphan: journaling it now would index it over the owner's recording of the same time. It
    /// stays on disk, unindexed, as at start-up (<see cref="RecoveryScanner"/>).
    /// </summary>
    private async Task<IReadOnlyList<IRecordingEvent>> WithoutOrphansAsync(IReadOnlyList<IRecordingEvent> events, string node)
    {
        var kept = new List<IRecordingEvent>(events.Count);
        var orphans = 0;
        foreach (var @event in events)
        {
            if (@event is SegmentRecorded recorded
                && !await _services.SegmentAuthority.OwnedAtAsync(_camera, node, recorded.Start, Context.Aborted))
            {
                orphans++;
                continue;
            }

            kept.Add(@event);
        }

        if (orphans > 0)
        {
            LogOrphansLeft(_logger, _camera.Value, Name, orphans);
        }

        return kept;
    }

    /// <summary>A run that started and never closed ended with a crash of the node (or of this actor): say so in the journal.</summary>
    private async Task CloseCrashedRunAsync()
    {
        if (State.OpenRunId is not { } runId)
        {
            return;
        }

        await PersistAsync(new SourceClosed(
            _camera,
            Name,
            runId,
            State.LastSegmentEnd ?? Now,
            SourceCloseReason.Failed,
            "Nightjar stopped without closing this run (the node or its recorder crashed); its files were adopted at the next start."));
        LogCrashedRunClosed(_logger, _camera.Value, Name, runId);
    }
}
