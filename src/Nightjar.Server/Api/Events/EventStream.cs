using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Threading.Channels;
using Nightjar.Persistence;
using Nightjar.Recording.EventFeed;

namespace Nightjar.Server.Api.Events;

/// <summary>
/// One server-sent event stream: the journal's live all-events feed, filtered, written as
/// <c>id: &lt;offset&gt;\ndata: &lt;event JSON&gt;\n\n</c> with a <c>: ping</c> comment every heartbeat. Between the feed
/// and the socket sits a bounded buffer: a client that reads slower than events arrive is cut off when it overflows
/// (it reconnects with <c>Last-Event-ID</c> and loses nothing), so it can never hold server memory.
/// </summary>
internal sealed partial class EventStream(IEventJournal journal, EventsMetrics metrics, TimeProvider timeProvider, ILogger<EventStream> logger)
{
    private static readonly byte[] Ping = ": ping\n\n"u8.ToArray();

    // The first bytes: a client sees the stream is open (and proxies flush headers) before any event exists.
    private static readonly byte[] Opening = ": nightjar events\nretry: 3000\n\n"u8.ToArray();

    /// <summary>Writes the stream until <paramref name="cancellationToken"/> fires or the buffer overflows.</summary>
    /// <returns>True when the client fell behind by more than <paramref name="capacity"/> events (the caller aborts the connection).</returns>
    public async Task<bool> RunAsync(PipeWriter output, EventQuery query, TimeSpan heartbeat, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(query);
        var buffer = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var overflowed = false;
        var feed = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var journalEvent in journal.SubscribeAllAsync(query.After, session.Token))
                    {
                        if (FeedEventMapper.TypeOf(journalEvent.Payload) is not { } type
                            || !query.Filter.Matches(type, FeedEventMapper.CameraOf(journalEvent.Payload)))
                        {
                            continue;
                        }

                        if (!buffer.Writer.TryWrite(FeedEventMapper.Map(journalEvent)!))
                        {
                            overflowed = true;
                            await session.CancelAsync();
                            break;
                        }
                    }

                    buffer.Writer.TryComplete();
                }
                catch (OperationCanceledException) when (session.IsCancellationRequested)
                {
                    buffer.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    buffer.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);

        metrics.SseClientOpened();
        LogOpened(logger, query.After);
        try
        {
            await output.WriteAsync(Opening, session.Token);
            await PumpAsync(output, buffer.Reader, heartbeat, session.Token);
        }
        catch (OperationCanceledException) when (session.IsCancellationRequested)
        {
            // Client gone, node stopping, or overflow: the stream simply ends.
        }
        finally
        {
            await session.CancelAsync();
            await feed;
            metrics.SseClientClosed();
        }

        if (overflowed)
        {
            LogOverflow(logger, capacity);
        }

        return overflowed;
    }

    private async Task PumpAsync(PipeWriter output, ChannelReader<FeedEvent> reader, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        // One pending read and one pending heartbeat at a time; whichever completes is served and renewed.
        Task<bool>? readable = null;
        Task? ping = null;
        while (true)
        {
            readable ??= reader.WaitToReadAsync(cancellationToken).AsTask();
            ping ??= Task.Delay(heartbeat, timeProvider, cancellationToken);
            if (await Task.WhenAny(readable, ping) == ping)
            {
                await ping;
                ping = null;
                await output.WriteAsync(Ping, cancellationToken);
                continue;
            }

            if (!await readable)
            {
                return;
            }

            readable = null;
            while (reader.TryRead(out var feedEvent))
            {
                Write(output, feedEvent);
                metrics.Published(feedEvent.Type, "sse");
            }

            await output.FlushAsync(cancellationToken);
        }
    }

    private static void Write(PipeWriter output, FeedEvent feedEvent)
    {
        // The serializer escapes control characters, so the JSON is one line, as a data: line must be.
        output.Write(Encoding.ASCII.GetBytes("id: " + feedEvent.Id + "\ndata: "));
        output.Write(FeedJson.Serialize(feedEvent));
        output.Write("\n\n"u8);
    }
}
