using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors.Persistence;
using Nightjar.Actors.Testing;
using Nightjar.Recording.Runtime.Journal;
using Npgsql;

namespace Nightjar.Recording.Tests.Runtime.Journal;

public sealed class RetryingEventStoreTests
{
    private const string Id = "dvr/cam-1/main";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FlakyEventStore _inner = new(new InMemoryEventStore());
    private int _retries;

    private static NpgsqlException ConnectionLost => new("Exception while reading from stream", new SocketException((int)SocketError.ConnectionReset));

    private static NpgsqlException CommandTimedOut => new("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"));

    [Fact]
    public async Task Append_WhenTheDatabaseIsBrieflyUnreachable_RetriesWithBackoffAndWritesOnce()
    {
        _inner.ThenFail(ConnectionLost).ThenFail(new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"));
        var started = _time.GetUtcNow();

        await RunAsync(Store().AppendAsync(Id, 0, Events(1), CancellationToken.None));

        _inner.Appends.Should().Be(3);
        _retries.Should().Be(2);
        _inner.Inner.GetEvents(Id).Should().ContainSingle();
        (_time.GetUtcNow() - started).Should().Be(TimeSpan.FromMilliseconds(600), "backoff is 0.2 s, then 0.4 s");
    }

    [Fact]
    public async Task Append_WhenTheFirstAttemptCommittedBeforeItsConnectionFailed_SucceedsWithoutWritingTwice()
    {
        await _inner.Inner.AppendAsync(Id, 0, Events(3), CancellationToken.None);
        _inner.ThenFail(CommandTimedOut, commitFirst: true);

        await RunAsync(Store().AppendAsync(Id, 3, Events(2), CancellationToken.None));

        _inner.Appends.Should().Be(2, "the retry conflicted with the first attempt's own write");
        _inner.Inner.GetEvents(Id).Select(e => e.SequenceNr).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task Append_WhenAnotherWriterAppendedDuringTheOutage_ThrowsTheConflict()
    {
        _inner.ThenFail(ConnectionLost);
        var append = Store().AppendAsync(Id, 0, Events(1), CancellationToken.None);

        // While this append waits to retry, another incarnation writes two events.
        await _inner.Inner.AppendAsync(Id, 0, Events(2), CancellationToken.None);
        var act = () => RunAsync(append);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        _inner.Inner.GetEvents(Id).Should().HaveCount(2);
    }

    [Fact]
    public async Task Append_WithAConflictAndNoTransientFailure_ThrowsAtOnce()
    {
        await _inner.Inner.AppendAsync(Id, 0, Events(1), CancellationToken.None);

        var act = () => Store().AppendAsync(Id, 0, Events(1), CancellationToken.None);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        _inner.Appends.Should().Be(1);
        _retries.Should().Be(0);
    }

    [Fact]
    public async Task Append_RefusedByTheDatabase_FailsAtOnceWithoutRetry()
    {
        _inner.ThenFail(new PostgresException("node-b does not own camera cam-1", "ERROR", "ERROR", "NJF01"));

        var act = () => Store().AppendAsync(Id, 0, Events(1), CancellationToken.None);

        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be("NJF01");
        _inner.Appends.Should().Be(1);
        _inner.Inner.GetEvents(Id).Should().BeEmpty();
    }

    [Fact]
    public async Task Append_StillFailingAfterTheWindow_GivesUpWithTheLastError()
    {
        for (var i = 0; i < 100; i++)
        {
            _inner.ThenFail(ConnectionLost);
        }

        var started = _time.GetUtcNow();
        var act = () => RunAsync(Store(TimeSpan.FromSeconds(20)).AppendAsync(Id, 0, Events(1), CancellationToken.None));

        await act.Should().ThrowAsync<NpgsqlException>();
        var waited = _time.GetUtcNow() - started;
        waited.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(20));
        waited.Should().BeGreaterThan(TimeSpan.FromSeconds(14), "0.2+0.4+0.8+1.6+3.2+5+5 s of backoff fit in the window");
        _inner.Appends.Should().Be(8);
    }

    [Fact]
    public async Task Append_WithoutAWindow_RetriesUntilTheDatabaseAnswers()
    {
        // A recording stream's store: a 10-minute outage delays its journaling and loses nothing.
        for (var i = 0; i < 125; i++)
        {
            _inner.ThenFail(ConnectionLost);
        }

        var started = _time.GetUtcNow();
        await RunAsync(new RetryingEventStore(_inner, window: null, _time, NullLogger.Instance, _ => _retries++).AppendAsync(Id, 0, Events(1), CancellationToken.None));

        (_time.GetUtcNow() - started).Should().BeGreaterThan(TimeSpan.FromMinutes(10), "the backoff stays at 5 s once it got there");
        _retries.Should().Be(125);
        _inner.Inner.GetEvents(Id).Should().ContainSingle();
    }

    [Fact]
    public async Task Append_WhenCancelledWhileWaiting_StopsRetrying()
    {
        _inner.ThenFail(ConnectionLost);
        using var cancel = new CancellationTokenSource();
        var append = Store().AppendAsync(Id, 0, Events(1), cancel.Token);
        await cancel.CancelAsync();

        var act = () => append.WaitAsync(TimeSpan.FromSeconds(5));

        await act.Should().ThrowAsync<OperationCanceledException>();
        _inner.Appends.Should().Be(1);
    }

    public static TheoryData<Exception, bool> Errors => new()
    {
        { new NpgsqlException("connect failed", new SocketException((int)SocketError.ConnectionRefused)), true },
        { new NpgsqlException("timeout", new TimeoutException()), true },
        { new InvalidOperationException("wrapped", new NpgsqlException("reset", new IOException("reset", new SocketException()))), true },
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { new PostgresException("not the owner", "ERROR", "ERROR", "NJF01"), false },
        { new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), false },
        { new ConcurrencyConflictException(Id, 1, 2), false },
        { new OperationCanceledException(), false },
        { new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void IsTransient_TellsOutagesFromAnswers(Exception error, bool transient) =>
        RetryingEventStore.IsTransient(error).Should().Be(transient);

    private RetryingEventStore Store(TimeSpan? window = null) =>
        new(_inner, window ?? TimeSpan.FromMinutes(2), _time, NullLogger.Instance, _ => _retries++);

    private static List<EventToPersist> Events(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new EventToPersist($"event {i}", []))];

    /// <summary>Advances the manual clock to each pending backoff until the append finishes (hard deadline in real time).</summary>
    private async Task RunAsync(Task append)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!append.IsCompleted)
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("The append neither finished nor waited on the clock.");
            }

            if (_time.NextTimerDueIn is { } due)
            {
                _time.Advance(due);
            }

            await Task.Delay(1);
        }

        await append;
    }
}
