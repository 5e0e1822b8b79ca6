using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Nightjar.Persistence.Backend;

namespace Nightjar.Persistence.GroupCommit;

/// <summary>
/// The single writer of a journal: appends from many actors queue here and one loop drains whatever is waiting into
/// one transaction, so 100 concurrent writers cost a handful of commits (and fsyncs) instead of 100. Each append still
/// gets its own outcome; the batch writer isolates them.
/// </summary>
internal sealed partial class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly IAppendBatchWriter _writer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly int _maxBatchSize;
    private readonly Action<IReadOnlyList<PendingAppend>> _onBatchCommitted;
    private readonly Task _loop;

    /// <remarks><paramref name="onBatchCommitted"/> runs after each committed batch, before callers are released (metrics, feed hints).</remarks>
    public GroupCommitWriter(
        IAppendBatchWriter writer,
        TimeProvider timeProvider,
        ILogger logger,
        int maxBatchSize,
        Action<IReadOnlyList<PendingAppend>> onBatchCommitted)
    {
        _writer = writer;
        _timeProvider = timeProvider;
        _logger = logger;
        _maxBatchSize = maxBatchSize;
        _onBatchCommitted = onBatchCommitted;
        _loop = Task.Run(RunAsync);
    }

    /// <exception cref="ObjectDisposedException">The journal is shutting down.</exception>
    public Task<long> EnqueueAsync(PendingAppend append)
    {
        if (!_queue.Writer.TryWrite(append))
        {
            throw new ObjectDisposedException(nameof(IEventJournal), "The journal is disposed; no more appends are accepted.");
        }

        return append.Completion;
    }

    /// <summary>Stops accepting appends, and waits until the queued ones are written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var append))
            {
                // A caller that gave up before its append joined a batch must not have it written behind its back.
                if (append.CancellationToken.IsCancellationRequested)
                {
                    append.Cancel();
                    continue;
                }

                batch.Add(append);
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch);
            }
        }
    }

    private async Task WriteAsync(List<PendingAppend> batch)
    {
        Exception? batchError = null;
        try
        {
            // CancellationToken.None: once a transaction is under way, abandoning it halfway helps nobody.
            await _writer.WriteBatchAsync(batch, _timeProvider.GetUtcNow(), CancellationToken.None);
        }
#pragma warning disable CA1031 // The loop must survive any backend failure; the error goes to every caller of the batch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            batchError = ex;
            Log.BatchFailed(_logger, batch.Count, ex);
        }

        if (batchError is null)
        {
            try
            {
                _onBatchCommitted(batch);
            }
#pragma warning disable CA1031 // Metrics or hints failing must not leave callers hanging.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.AfterCommitHookFailed(_logger, ex);
            }
        }

        foreach (var append in batch)
        {
            append.Complete(batchError);
        }
    }
}
