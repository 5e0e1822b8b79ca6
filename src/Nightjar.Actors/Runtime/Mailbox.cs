using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Nightjar.Actors.Runtime;

/// <summary>
/// The user lane of one actor: a single-reader channel. Unbounded mailboxes wake an idle reader with a
/// <see cref="WakeToken"/>; bounded ones must not (a token would take a slot, or push out a message under DropOldest),
/// so their idle reader waits with a cancellation token that a system message cancels.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The park source has no timer or link, so Dispose frees nothing; a sender may still cancel it concurrently.")]
internal sealed class Mailbox<TMessage>
{
    private readonly ChannelReader<Envelope<TMessage>> _reader;
    private readonly ChannelWriter<Envelope<TMessage>> _writer;
    private CancellationTokenSource? _parkCts;
    private volatile bool _closed;

    public Mailbox(MailboxOptions options, Action<Envelope<TMessage>> onDropped)
    {
        Capacity = options.Capacity;
        FullMode = options.FullMode;
        Channel<Envelope<TMessage>> channel;
        if (options.Capacity is { } capacity)
        {
            var channelMode = options.FullMode switch
            {
                MailboxFullMode.DropNewest => BoundedChannelFullMode.DropWrite,
                MailboxFullMode.DropOldest => BoundedChannelFullMode.DropOldest,
                _ => BoundedChannelFullMode.Wait,
            };
            channel = Channel.CreateBounded(
                new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = channelMode },
                onDropped);
            _parkCts = new CancellationTokenSource();
        }
        else
        {
            // Not SingleReader: that variant cannot count its items, and the depth metric needs the count.
            channel = Channel.CreateUnbounded<Envelope<TMessage>>(new UnboundedChannelOptions { SingleReader = false });
        }

        _reader = channel.Reader;
        _writer = channel.Writer;
    }

    public int? Capacity { get; }

    public MailboxFullMode FullMode { get; }

    public bool IsClosed => _closed;

    /// <summary>Closed and every queued message has been read.</summary>
    public bool IsDrained => _reader.Completion.IsCompleted;

    public int Count => _reader.Count;

    public bool TryWrite(Envelope<TMessage> envelope) => _writer.TryWrite(envelope);

    public ValueTask WriteAsync(Envelope<TMessage> envelope, CancellationToken cancellationToken) =>
        _writer.WriteAsync(envelope, cancellationToken);

    public bool TryRead(out Envelope<TMessage> envelope) => _reader.TryRead(out envelope);

    public void Close()
    {
        _closed = true;
        _writer.TryComplete();
    }

    /// <summary>Waits for a message or a <see cref="Wake"/>; false once the mailbox is closed and drained.</summary>
    public ValueTask<bool> WaitToReadAsync() =>
        _parkCts is null ? _reader.WaitToReadAsync() : WaitBoundedAsync();

    public void Wake()
    {
        if (_parkCts is null)
        {
            _writer.TryWrite(new Envelope<TMessage>(default!, WakeToken.Instance));
        }
        else
        {
            Volatile.Read(ref _parkCts)!.Cancel();
        }
    }

    private async ValueTask<bool> WaitBoundedAsync()
    {
        var cts = Volatile.Read(ref _parkCts)!;
        if (cts.IsCancellationRequested)
        {
            // A wake that raced with a wake-up by data: swallow it and start over with a fresh source.
            Volatile.Write(ref _parkCts, new CancellationTokenSource());
            return true;
        }

        try
        {
            return await _reader.WaitToReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Volatile.Write(ref _parkCts, new CancellationTokenSource());
            return true;
        }
    }
}
