using Microsoft.Extensions.Logging;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Archive;

namespace Nightjar.Recording.Runtime.Recovery;

/// <summary>
/// Keeps the segment catalog a projection of the journal: applies every <c>segment</c>-tagged event in feed order,
/// storing the feed offset in the same transaction as the rows. It is the catalog's only writer, so a crash between a
/// journal append and the catalog write loses nothing (the next run resumes from the stored offset) and replays are
/// harmless (upserts by path). Stream actors therefore only journal; until a new row is projected (milliseconds) they
/// show the file from their own snapshot.
/// </summary>
internal sealed partial class CatalogProjector(IEventJournal journal, ISegmentCatalog catalog, TimeProvider time, ILogger logger)
{
    /// <summary>The projection's name in the catalog's checkpoint table.</summary>
    public const string ProjectionName = "recording.segments";

    private const int PageSize = 500;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Applies everything the journal has beyond the stored offset; returns the number of events read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var offset = await catalog.GetProjectionOffsetAsync(ProjectionName, cancellationToken);
        var read = 0;
        while (true)
        {
            var page = await journal.ReadByTagAsync(JournalNames.SegmentTag, offset, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                return read;
            }

            offset = page[^1].Offset;
            await catalog.ApplyAsync([.. page.SelectMany(Map)], new ProjectionCheckpoint(ProjectionName, offset), cancellationToken);
            read += page.Count;
        }
    }

    /// <summary>Follows the journal until cancelled; a failure is logged and retried from the stored offset.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var offset = await catalog.GetProjectionOffsetAsync(ProjectionName, cancellationToken);
                await foreach (var @event in journal.SubscribeByTagAsync(JournalNames.SegmentTag, offset, cancellationToken))
                {
                    await catalog.ApplyAsync(Map(@event), new ProjectionCheckpoint(ProjectionName, @event.Offset), cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogProjectionFailed(logger, error);
                try
                {
                    await Task.Delay(RetryDelay, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The catalog changes an event stands for (none for events the catalog does not track).</summary>
    internal static IReadOnlyList<CatalogChange> Map(JournalEvent @event) => @event.Payload switch
    {
        SegmentRecorded recorded =>
        [
            new CatalogChange.Upsert(new CatalogSegment(
                0,
                recorded.CameraId.Value,
                recorded.Stream,
                recorded.RunId,
                recorded.Path,
                StorageLayout.RootNameFor(recorded.Node),
                recorded.Start,
                recorded.End,
                recorded.Bytes,
                recorded.Gops.Encode(),
                CatalogSegmentState.Recorded)),
        ],
        SegmentLost lost => [new CatalogChange.SetState(lost.Path, CatalogSegmentState.Lost)],

        // Retention's crash-safe order: a garbage row is no longer played back; the row goes once the file is gone.
        SegmentGarbageMarked garbage => [new CatalogChange.SetState(garbage.Path, CatalogSegmentState.Garbage)],
        SegmentDeleted deleted => [new CatalogChange.Remove(deleted.Path)],
        _ => [],
    };
}
