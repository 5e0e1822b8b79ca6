using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.EventFeed;
using Nightjar.Recording.Events;
using Nightjar.Server.Api.Events;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Api.Events;

/// <summary>Server-sent events: a real client over Kestrel that disconnects and resumes, heartbeats on a manual clock, a slow client cut off.</summary>
public sealed class EventStreamTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Stream_ClientDisconnectsAndResumesWithLastEventId_NoGapsNoDuplicates()
    {
        await using var node = await TestNode.StartAsync(useTestServer: false);
        await EventsNode.AddCameraAsync(node.Client, "cam1");
        await EventsNode.AddCameraAsync(node.Client, "cam2");
        const string Url = "/api/v1/events/stream?types=camera_added";

        var received = new List<(string Id, string Camera)>();
        await using (var first = await SseClient.ConnectAsync(node.Client, Url))
        {
            for (var i = 0; i < 2; i++)
            {
                var (id, data) = await first.NextAsync(Deadline);
                received.Add((id, data.GetProperty("camera").GetString()!));
                data.GetProperty("id").GetString().Should().Be(id, "the id: line is the event's id");
            }

            // Live: an event journaled while connected arrives without reconnecting.
            await EventsNode.AddCameraAsync(node.Client, "cam3");
            var (liveId, live) = await first.NextAsync(Deadline);
            received.Add((liveId, live.GetProperty("camera").GetString()!));
        }

        // Disconnected: these happen while nobody listens.
        await EventsNode.AddCameraAsync(node.Client, "cam4");
        await EventsNode.AddCameraAsync(node.Client, "cam5");

        await using (var resumed = await SseClient.ConnectAsync(node.Client, Url, lastEventId: received[^1].Id))
        {
            for (var i = 0; i < 2; i++)
            {
                var (id, data) = await resumed.NextAsync(Deadline);
                received.Add((id, data.GetProperty("camera").GetString()!));
            }

            await EventsNode.AddCameraAsync(node.Client, "cam6");
            var (liveId, live) = await resumed.NextAsync(Deadline);
            received.Add((liveId, live.GetProperty("camera").GetString()!));
        }

        received.Select(r => r.Camera).Should().Equal("cam1", "cam2", "cam3", "cam4", "cam5", "cam6");
        received.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        received.Select(r => JournalOffset.Parse(r.Id)).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Run_Idle_WritesAPingCommentEveryHeartbeatOfTheClock()
    {
        await using var journal = await JournalAsync();
        var clock = new ManualTimeProvider();
        var stream = new EventStream(journal.Journal, new EventsMetrics(), clock, NullLogger<EventStream>.Instance);
        var pipe = new Pipe();
        using var stop = new CancellationTokenSource();
        var run = stream.RunAsync(pipe.Writer, Query(JournalOffset.Start), TimeSpan.FromSeconds(15), 100, stop.Token);

        (await ReadUntilAsync(pipe.Reader, "retry: 3000\n\n")).Should().StartWith(": nightjar events");
        await Wait.UntilAsync(() => clock.ScheduledTimerCount > 0, Deadline, "the heartbeat timer");
        clock.Advance(TimeSpan.FromSeconds(14));
        clock.Advance(TimeSpan.FromSeconds(1));
        (await ReadUntilAsync(pipe.Reader, "\n\n")).Should().Be(": ping\n\n");

        await journal.AppendAlarmAsync();
        var frame = await ReadUntilAsync(pipe.Reader, "\n\n");
        frame.Should().StartWith("id: 0-").And.Contain("\ndata: {\"id\":\"0-").And.Contain("\"type\":\"camera_alarm\"");

        await Wait.UntilAsync(() => clock.ScheduledTimerCount > 0, Deadline, "the next heartbeat timer");
        clock.Advance(TimeSpan.FromSeconds(15));
        (await ReadUntilAsync(pipe.Reader, "\n\n")).Should().Be(": ping\n\n");

        await stop.CancelAsync();
        (await Wait.ForAsync(run, Deadline, "the stream to end when the client goes")).Should().BeFalse();
    }

    [Fact]
    public async Task Run_ClientNotReading_IsCutOffWhenItsBufferOverflows()
    {
        await using var journal = await JournalAsync();
        for (var i = 0; i < 300; i++)
        {
            await journal.AppendAlarmAsync();
        }

        // The socket stand-in stops accepting after 1 KiB, like a client that stopped reading.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1024, resumeWriterThreshold: 512));
        var stream = new EventStream(journal.Journal, new EventsMetrics(), TimeProvider.System, NullLogger<EventStream>.Instance);

        var overflowed = await Wait.ForAsync(
            stream.RunAsync(pipe.Writer, Query(JournalOffset.Start), TimeSpan.FromSeconds(15), 20, CancellationToken.None),
            Deadline,
            "the slow client to be cut off");

        overflowed.Should().BeTrue();
    }

    private static EventQuery Query(JournalOffset after) => new(after, FeedEventFilter.All, 100);

    private static async Task<string> ReadUntilAsync(PipeReader reader, string terminator)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var text = new StringBuilder();
        while (true)
        {
            var result = await reader.ReadAsync(deadline.Token);
            var buffer = result.Buffer;
            var all = Encoding.UTF8.GetString(buffer);
            var end = all.IndexOf(terminator, StringComparison.Ordinal);
            if (end >= 0)
            {
                var consumed = Encoding.UTF8.GetByteCount(all[..(end + terminator.Length)]);
                reader.AdvanceTo(buffer.GetPosition(consumed));
                return all[..(end + terminator.Length)];
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static async Task<JournalHolder> JournalAsync()
    {
        var directory = new TempDirectory();
        var registry = new EventTypeRegistry();
        Nightjar.Recording.Runtime.RecordingEngine.RegisterJournalTypes(registry);
        var journal = EventJournalFactory.Create(new EventJournalOptions { DataPath = directory.Path }, registry);
        await journal.MigrateAsync(CancellationToken.None);
        return new JournalHolder(journal, directory);
    }

    private sealed class JournalHolder(IEventJournal journal, TempDirectory directory) : IAsyncDisposable
    {
        private long _sequenceNr;

        public IEventJournal Journal => journal;

        public async Task AppendAlarmAsync()
        {
            var alarm = new CameraAlarm(new CameraId("lobby"), "door", AlarmState.Pulse, DateTimeOffset.UnixEpoch, "api");
            _sequenceNr = await journal.AppendAsync("test/alarms", _sequenceNr, [new EventToPersist(alarm, ["alarm"])], CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            await journal.DisposeAsync();
            directory.Dispose();
        }
    }
}
