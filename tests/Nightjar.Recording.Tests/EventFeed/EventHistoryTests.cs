using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.EventFeed;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.EventFeed;

/// <summary>History pages over a real SQLite journal.</summary>
public sealed class EventHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private StoreHarness _store = null!;
    private readonly List<JournalOffset> _offsets = [];

    private IEventJournal Journal => _store.Journal;

    public async Task InitializeAsync()
    {
        _store = await StoreHarness.StartAsync();
        // 10 alarms on lobby, one internal API key event, 10 stream starts on gate, interleaved.
        for (var i = 0; i < 10; i++)
        {
            await AppendAsync("alarms", i, new CameraAlarm(new CameraId("lobby"), "door", AlarmState.Pulse, At, "api"));
            await AppendAsync("streams", i, new StreamStarted(new CameraId("gate"), "main", "run" + i, At));
        }

        await AppendAsync("apikeys", 0, new ApiKeyRevoked("0123456789abcdef", At));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task ReadPage_Unfiltered_PagesThroughEveryPublishedEventOnce()
    {
        var seen = new List<string>();
        var after = JournalOffset.Start;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await EventHistory.ReadPageAsync(Journal, after, FeedEventFilter.All, limit: 3, scanBudget: 1000, CancellationToken.None);
            seen.AddRange(page.Events.Select(e => e.Id));
            if (page.Events.Count == 0)
            {
                break;
            }

            if (page.Events.Count == 3)
            {
                page.Next.Should().Be(page.Events[^1].Offset, "a full page ends at its last event");
            }

            after = page.Next;
        }

        seen.Should().Equal(_offsets.Take(20).Select(o => o.ToString()), "every published event once, in journal order; the API key event is not published");
    }

    [Fact]
    public async Task ReadPage_TypeAndCameraFilters_ReturnOnlyMatches()
    {
        var alarms = await EventHistory.ReadPageAsync(Journal, JournalOffset.Start, Filter(["camera_alarm"], null), 100, 1000, CancellationToken.None);
        alarms.Events.Should().HaveCount(10).And.OnlyContain(e => e.Type == "camera_alarm" && e.Camera == "lobby");

        var gate = await EventHistory.ReadPageAsync(Journal, JournalOffset.Start, Filter(null, ["gate"]), 100, 1000, CancellationToken.None);
        gate.Events.Should().HaveCount(10).And.OnlyContain(e => e.Type == "stream_started");

        var none = await EventHistory.ReadPageAsync(Journal, JournalOffset.Start, Filter(["camera_alarm"], ["gate"]), 100, 1000, CancellationToken.None);
        none.Events.Should().BeEmpty();
        none.Next.Should().Be(_offsets[^1], "the page scanned to the end of the journal");
    }

    [Fact]
    public async Task ReadPage_RareMatches_StopsAtTheScanBudgetAndContinues()
    {
        var filter = Filter(["stream_started"], null);
        var first = await EventHistory.ReadPageAsync(Journal, JournalOffset.Start, filter, 100, scanBudget: 4, CancellationToken.None);
        first.Scanned.Should().Be(4);
        first.Events.Should().HaveCount(2);
        first.Next.Should().Be(_offsets[3]);

        var rest = new List<FeedEvent>(first.Events);
        var after = first.Next;
        for (var i = 0; i < 20; i++)
        {
            var page = await EventHistory.ReadPageAsync(Journal, after, filter, 100, scanBudget: 4, CancellationToken.None);
            rest.AddRange(page.Events);
            if (page.Scanned < 4)
            {
                break;
            }

            after = page.Next;
        }

        rest.Should().HaveCount(10).And.OnlyContain(e => e.Type == "stream_started");
    }

    [Fact]
    public async Task ReadPage_AfterTheEnd_IsEmptyAndKeepsThePosition()
    {
        var page = await EventHistory.ReadPageAsync(Journal, _offsets[^1], FeedEventFilter.All, 10, 1000, CancellationToken.None);
        page.Events.Should().BeEmpty();
        page.Next.Should().Be(_offsets[^1]);
    }

    private static FeedEventFilter Filter(string[]? types, string[]? cameras) =>
        FeedEventFilter.Create(types, cameras, "types", "camera").Value!;

    private async Task AppendAsync(string persistenceId, int expected, IRecordingEvent @event)
    {
        var sequenceNr = await Journal.AppendAsync(persistenceId, expected, [new EventToPersist(@event, JournalNames.TagsOf(@event))], CancellationToken.None);
        await foreach (var stored in Journal.ReadEventsAsync(persistenceId, sequenceNr, sequenceNr, CancellationToken.None))
        {
            _offsets.Add(stored.Offset);
        }
    }
}
