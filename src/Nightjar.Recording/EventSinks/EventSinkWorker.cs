using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Threading.Channels;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.EventFeed;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// Delivers one sink: its own reader of the journal's all-events feed (a bounded channel, so a dead receiver holds
/// at most a few batches in memory), JSON batches POSTed in order, the position journaled after every acknowledged
/// batch. It shares nothing with other sinks but the journal and the HTTP connection pool, so a slow or dead receiver
/// delays only itself. Any failure outside delivery restarts it from its last saved position (at least once).
/// </summary>
internal sealed partial class EventSinkWorker : IAsyncDisposable
{
    private readonly EventSinkRuntime _runtime;
    private readonly CancellationTokenSource _stop = new();
    private readonly FeedEventFilter _filter;
    private Task _run = Task.CompletedTask;
    private volatile EventSinkStatus _status = EventSinkStatus.Initial;
    private long _ackSequenceNr;

    public EventSinkWorker(RegisteredSink sink, EventSinkRuntime runtime)
    {
        Sink = sink;
        _runtime = runtime;
        var definition = sink.Definition;
        _filter = new FeedEventFilter(
            definition.Types.IsEmpty ? null : definition.Types.ToFrozenSet(StringComparer.Ordinal),
            definition.Cameras.IsEmpty ? null : definition.Cameras.ToFrozenSet(StringComparer.Ordinal));
    }

    public RegisteredSink Sink { get; }

    public EventSinkStatus Status => _status;

    private string Id => Sink.Id;

    public void Start() => _run = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        _status = _status with { State = EventSinkState.Stopped, NextAttemptAt = null };
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var failures = 0; !cancellationToken.IsCancellationRequested; failures++)
        {
            try
            {
                var target = SinkTarget.Resolve(Sink.Definition, _runtime.Protector);
                await RunOnceAsync(target, cancellationToken);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Journal trouble, a concurrent writer of the position (another node), unreadable secrets: start
                // over from the saved position after a pause. Redelivery of the unacknowledged batch is the price.
                var message = ex is CryptographicException
                    ? "the sink's secrets cannot be decrypted with this node's key ring"
                    : ex is ConcurrencyConflictException ? "another worker saved this sink's position; reloading it" : ex.GetType().Name + ": " + ex.Message;
                var delay = Backoff(failures);
                var now = _runtime.Time.GetUtcNow();
                _status = _status with { State = EventSinkState.Failed, LastError = Cameras.RedactedUrl.InText(message), LastErrorAt = now, NextAttemptAt = now + delay };
                LogWorkerFailed(_runtime.Logger, Id, ex.GetType().Name, delay.TotalSeconds);
                await Task.Delay(delay, _runtime.Time, cancellationToken);
            }
        }
    }

    private async Task RunOnceAsync(SinkTarget target, CancellationToken cancellationToken)
    {
        var (position, delivered) = await LoadPositionAsync(cancellationToken);
        _status = _status with { State = EventSinkState.Idle, Position = position, Delivered = delivered, NextAttemptAt = null };
        _runtime.Head.EnsureStarted(position);
        LogStarted(_runtime.Logger, Id, Sink.Definition.DisplayUrl, position);

        var batchSize = Sink.Definition.BatchSize;
        var channel = Channel.CreateBounded<JournalEvent>(new BoundedChannelOptions(Math.Max(2 * batchSize, 64))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var pumpStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(position, channel.Writer, pumpStop.Token);
        try
        {
            await DeliverAllAsync(channel.Reader, target, position, delivered, cancellationToken);
        }
        finally
        {
            await pumpStop.CancelAsync();
            await pump;
        }
    }

    /// <summary>The journal feed into the channel; its end (or failure) completes the channel.</summary>
    private async Task PumpAsync(JournalOffset from, ChannelWriter<JournalEvent> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var journalEvent in _runtime.Journal.SubscribeAllAsync(from, cancellationToken))
            {
                _runtime.Head.Observe(journalEvent.Offset);
                await writer.WriteAsync(journalEvent, cancellationToken);
            }

            writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }

    private async Task DeliverAllAsync(ChannelReader<JournalEvent> reader, SinkTarget target, JournalOffset position, long delivered, CancellationToken cancellationToken)
    {
        var batch = new List<FeedEvent>(Sink.Definition.BatchSize);
        var skipped = 0;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            batch.Clear();
            var last = position;
            while (batch.Count < Sink.Definition.BatchSize && reader.TryRead(out var journalEvent))
            {
                last = journalEvent.Offset;
                if (FeedEventMapper.TypeOf(journalEvent.Payload) is { } type && _filter.Matches(type, FeedEventMapper.CameraOf(journalEvent.Payload)))
                {
                    batch.Add(FeedEventMapper.Map(journalEvent)!);
                }
                else
                {
                    skipped++;
                }
            }

            if (batch.Count > 0)
            {
                _status = _status with { State = EventSinkState.Delivering, OldestPendingAt = new DateTimeOffset(batch[0].Time, TimeSpan.Zero) };
                await DeliverAsync(batch, target, cancellationToken);
                delivered += batch.Count;
                await SavePositionAsync(last, batch.Count, delivered, cancellationToken);
                foreach (var feedEvent in batch)
                {
                    _runtime.Metrics.Published(feedEvent.Type, "sink");
                }

                skipped = 0;
                _status = _status with { LastDeliveredAt = _runtime.Time.GetUtcNow() };
            }
            else if (skipped >= _runtime.Options.SkippedEventsPerSave)
            {
                // Only events this sink does not want: save the position now and then, so a restart does not rescan them.
                await SavePositionAsync(last, 0, delivered, cancellationToken);
                skipped = 0;
            }

            position = last;
            _status = _status with
            {
                State = reader.Count > 0 ? EventSinkState.Delivering : EventSinkState.Idle,
                Position = position,
                Delivered = delivered,
                OldestPendingAt = null,
            };
        }
    }

    private async Task<(JournalOffset Position, long Delivered)> LoadPositionAsync(CancellationToken cancellationToken)
    {
        var persistenceId = EventSinkStore.AcknowledgementsOf(Id);
        _ackSequenceNr = await _runtime.Journal.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);
        EventSinkAcknowledged? last = null;
        if (_ackSequenceNr > 0)
        {
            await foreach (var stored in _runtime.Journal.ReadEventsAsync(persistenceId, _ackSequenceNr, _ackSequenceNr, cancellationToken))
            {
                last = stored.Payload as EventSinkAcknowledged;
            }
        }

        // An acknowledgement of an older epoch predates a reset (PUT with "from"): the epoch's start wins.
        return last is not null && last.Epoch == Sink.Definition.Epoch
            ? (last.Offset, last.Delivered)
            : (Sink.InitialPosition, 0);
    }

    /// <summary>
    /// Journals the position at the expected sequence number: a second worker of the same sink (another node, a
    /// worker not yet stopped) conflicts instead of moving the position behind this one's back.
    /// </summary>
    private async Task SavePositionAsync(JournalOffset position, int events, long delivered, CancellationToken cancellationToken)
    {
        var persistenceId = EventSinkStore.AcknowledgementsOf(Id);
        var acknowledged = new EventSinkAcknowledged(Id, Sink.Definition.Epoch, position, events, delivered, _runtime.Time.GetUtcNow());
        _ackSequenceNr = await _runtime.Journal.AppendAsync(persistenceId, _ackSequenceNr, [new EventToPersist(acknowledged, [JournalNames.EventSinkTag])], cancellationToken);
        var kept = _runtime.Options.AcknowledgementsKept;
        if (_ackSequenceNr % kept == 0)
        {
            // Only the latest acknowledgement is ever read; the highest sequence number survives the deletion.
            await _runtime.Journal.DeleteEventsAsync(persistenceId, _ackSequenceNr - 1, cancellationToken);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var options = _runtime.Options;
        var exponential = options.MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 30));
        var capped = Math.Min(exponential, options.MaxBackoff.TotalMilliseconds);
        // Equal jitter: between half and all of the delay, so sinks that failed together do not retry together.
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }
}
