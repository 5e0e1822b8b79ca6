using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence.Backend;
using Nightjar.Persistence.GroupCommit;
using Nightjar.Persistence.Serialization;

namespace Nightjar.Persistence.Tests;

public sealed class GroupCommitWriterTests
{
    private static readonly SerializedEvent Event = new("test.e.v1", "{}", []);

    [Fact]
    public async Task EnqueueAsync_AppendsArrivingDuringACommit_GoTogetherInTheNextBatch()
    {
        var backend = new GatedBatchWriter();
        var committed = new List<int>();
        await using var writer = new GroupCommitWriter(backend, TimeProvider.System, NullLogger.Instance, 256, b => committed.Add(b.Count));

        var first = writer.EnqueueAsync(Append("first"));
        await backend.WaitForBatchesAsync(1);
        var rest = Enumerable.Range(0, 10).Select(i => writer.EnqueueAsync(Append($"p{i}"))).ToList();
        backend.Release();

        (await first).Should().Be(1);
        (await Task.WhenAll(rest)).Should().AllBeEquivalentTo(1L);
        backend.BatchSizes.Should().Equal(1, 10);
        committed.Should().Equal(1, 10);
    }

    [Fact]
    public async Task EnqueueAsync_MoreThanMaxBatchSize_SplitsIntoBatchesOfAtMostMax()
    {
        var backend = new GatedBatchWriter();
        await using var writer = new GroupCommitWriter(backend, TimeProvider.System, NullLogger.Instance, 4, _ => { });

        var first = writer.EnqueueAsync(Append("first"));
        await backend.WaitForBatchesAsync(1);
        var rest = Enumerable.Range(0, 10).Select(i => writer.EnqueueAsync(Append($"p{i}"))).ToList();
        backend.Release();
        await Task.WhenAll(rest.Append(first));

        backend.BatchSizes.Should().Equal(1, 4, 4, 2);
    }

    [Fact]
    public async Task WriteBatch_OneAppendConflicts_OnlyThatCallerGetsTheConflict()
    {
        var backend = new GatedBatchWriter { ConflictOn = "loser" };
        await using var writer = new GroupCommitWriter(backend, TimeProvider.System, NullLogger.Instance, 256, _ => { });

        var first = writer.EnqueueAsync(Append("first"));
        await backend.WaitForBatchesAsync(1);
        var winner = writer.EnqueueAsync(Append("winner"));
        var loser = writer.EnqueueAsync(Append("loser"));
        backend.Release();

        (await winner).Should().Be(1);
        (await loser.Invoking(t => t).Should().ThrowAsync<ConcurrencyConflictException>()).Which.ActualSequenceNr.Should().Be(7);
        await first;
    }

    [Fact]
    public async Task WriteBatch_TransactionFails_EveryCallerOfThatBatchGetsTheErrorAndTheLoopGoesOn()
    {
        var backend = new GatedBatchWriter { FailBatch = 2 };
        await using var writer = new GroupCommitWriter(backend, TimeProvider.System, NullLogger.Instance, 256, _ => { });

        var first = writer.EnqueueAsync(Append("first"));
        await backend.WaitForBatchesAsync(1);
        var doomed = Enumerable.Range(0, 3).Select(i => writer.EnqueueAsync(Append($"d{i}"))).ToList();
        backend.Release();
        await first;
        foreach (var append in doomed)
        {
            await append.Invoking(t => t).Should().ThrowAsync<InvalidOperationException>().WithMessage("commit failed");
        }

        (await writer.EnqueueAsync(Append("after"))).Should().Be(1, "the writer loop survives a failed batch");
    }

    [Fact]
    public async Task EnqueueAsync_CallerCancelledBeforeItsBatch_IsNeverWritten()
    {
        var backend = new GatedBatchWriter();
        await using var writer = new GroupCommitWriter(backend, TimeProvider.System, NullLogger.Instance, 256, _ => { });
        using var cancel = new CancellationTokenSource();

        var first = writer.EnqueueAsync(Append("first"));
        await backend.WaitForBatchesAsync(1);
        var cancelled = writer.EnqueueAsync(Append("cancelled", cancel.Token));
        var kept = writer.EnqueueAsync(Append("kept"));
        await cancel.CancelAsync();
        backend.Release();

        await cancelled.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        await Task.WhenAll(first, kept);
        backend.Written.Should().Equal("first", "kept");
    }

    [Fact]
    public async Task DisposeAsync_QueuedAppends_AreWrittenThenNewOnesRefused()
    {
        var backend = new GatedBatchWriter();
        var writer = new GroupCommitWriter(backend, TimeProvider.System, NullLogger.Instance, 256, _ => { });
        var first = writer.EnqueueAsync(Append("first"));
        await backend.WaitForBatchesAsync(1);
        var queued = writer.EnqueueAsync(Append("queued"));

        var disposing = writer.DisposeAsync().AsTask();
        backend.Release();
        await disposing;

        (await Task.WhenAll(first, queued)).Should().AllBeEquivalentTo(1L);
        var late = () => writer.EnqueueAsync(Append("late"));
        await late.Should().ThrowAsync<ObjectDisposedException>();
    }

    private static PendingAppend Append(string pid, CancellationToken cancellationToken = default) => new(pid, 0, [Event], cancellationToken);

    /// <summary>Holds the first batch until released, so later appends pile up deterministically; can fail or conflict on demand.</summary>
    private sealed class GatedBatchWriter : IAppendBatchWriter
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();

        public List<int> BatchSizes { get; } = [];

        public List<string> Written { get; } = [];

        public string? ConflictOn { get; init; }

        public int FailBatch { get; init; }

        public void Release() => _gate.TrySetResult();

        public Task WaitForBatchesAsync(int count) =>
            Fixtures.Eventually.UntilAsync(() => { lock (_lock) { return BatchSizes.Count >= count; } }, $"{count} batch(es) started");

        public async Task WriteBatchAsync(IReadOnlyList<PendingAppend> batch, DateTimeOffset writtenAt, CancellationToken cancellationToken)
        {
            int number;
            lock (_lock)
            {
                BatchSizes.Add(batch.Count);
                number = BatchSizes.Count;
            }

            await _gate.Task;
            if (number == FailBatch)
            {
                foreach (var append in batch)
                {
                    append.MarkWritten(default);
                }

                throw new InvalidOperationException("commit failed");
            }

            foreach (var append in batch)
            {
                if (append.PersistenceId == ConflictOn)
                {
                    append.MarkConflict(7);
                }
                else
                {
                    append.MarkWritten(default);
                    lock (_lock)
                    {
                        Written.Add(append.PersistenceId);
                    }
                }
            }
        }
    }
}
