using System.Reflection;
using System.Text.Json;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Events;

public sealed class RecordingEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    // The journal's default payload options (Nightjar.Persistence.EventTypeRegistry): Web defaults.
    private static readonly JsonSerializerOptions JournalOptions = new(JsonSerializerDefaults.Web);

    public static TheoryData<IRecordingEvent> AllEvents()
    {
        var protector = Protectors.Create();
        var lobby = new CameraId("lobby");
        return new TheoryData<IRecordingEvent>
        {
            CameraAdded.Create(Samples.Camera(), protector),
            CameraUpdated.Create(Samples.Camera(streamPassword: "other"), protector),
            new CameraRemoved(lobby),
            new StreamStarted(lobby, "main", "01JD5Q0000000000000000000A", At),
            new SourceClosed(lobby, "main", "01JD5Q0000000000000000000A", At, SourceCloseReason.Failed, "401 Unauthorized"),
            new SegmentRecorded(lobby, "main", "01JD5Q0000000000000000000A", "lobby/2026/11/21/01JD5Q0000000000000000000A/1763726400.ts",
                At, At.AddSeconds(60), 7_500_000, GopIndex.Create([new GopEntry(0, 0), new GopEntry(250_000, 180_000)], 5_400_000)),
            new SegmentLost(lobby, "main", "lobby/2026/11/21/r/1763726400.ts", SegmentLossReason.Truncated),
            new ApiKeyCreated("0123456789abcdef", "ci", Role.Operator, ApiKeys.Hash("nj_x"), At),
            new ApiKeyRevoked("0123456789abcdef", At),
        };
    }

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void Json_WithTheJournalOptions_RoundTripsEveryEvent(IRecordingEvent @event)
    {
        var json = JsonSerializer.Serialize(@event, @event.GetType(), JournalOptions);

        var back = JsonSerializer.Deserialize(json, @event.GetType(), JournalOptions);

        back.Should().Be(@event, json);
        json.Should().NotContain(Samples.StreamPassword).And.NotContain(Samples.EventPassword).And.NotContain("\"other\"");
    }

    [Fact]
    public void Json_SegmentRecorded_OmitsANullNode_ReadsEventsWrittenBeforeClusters_AndKeepsANode()
    {
        var recorded = new SegmentRecorded(new("lobby"), "main", "r1", "lobby/main/r1/1.ts", At, At.AddSeconds(60), 1_000, GopIndex.Empty);

        var single = JsonSerializer.Serialize(recorded, JournalOptions);
        var clustered = JsonSerializer.Serialize(recorded with { Node = "node-a" }, JournalOptions);

        single.Should().NotContain("node", "a single node's events are stored exactly as before");
        JsonSerializer.Deserialize<SegmentRecorded>(single, JournalOptions)!.Node.Should().BeNull();
        clustered.Should().Contain("\"node\":\"node-a\"");
        JsonSerializer.Deserialize<SegmentRecorded>(clustered, JournalOptions)!.Node.Should().Be("node-a");
    }

    [Fact]
    public void Json_UsesReadableNamesForEnumsAndPolicies()
    {
        var closed = JsonSerializer.Serialize(new SourceClosed(new("lobby"), "main", "r1", At, SourceCloseReason.Stalled, null), JournalOptions);
        var key = JsonSerializer.Serialize(new ApiKeyCreated("id", "ci", Role.Admin, "h", At), JournalOptions);

        closed.Should().Contain("\"reason\":\"stalled\"").And.Contain("\"cameraId\":\"lobby\"");
        key.Should().Contain("\"role\":\"admin\"");
    }

    [Fact]
    public void All_ListsEveryEventTypeOnceWithItsStableName()
    {
        var declared = typeof(IRecordingEvent).Assembly.GetTypes()
            .Where(t => typeof(IRecordingEvent).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToList();

        RecordingEventTypes.All.Values.Should().BeEquivalentTo(declared);
        declared.Should().OnlyContain(t => t.IsSealed && t.GetCustomAttribute<JournalTypeAttribute>() != null);
        RecordingEventTypes.All.Keys.Should().BeEquivalentTo(
            "camera.added.v1", "camera.updated.v1", "camera.removed.v1", "stream.started.v1", "stream.source-closed.v1",
            "segment.recorded.v1", "segment.lost.v1", "segment.garbage.v1", "segment.deleted.v1", "motion.started.v1",
            "motion.stopped.v1", "lock.added.v1", "lock.released.v1", "camera.alarm.v1", "camera.event.v1", "storage.alarm.v1",
            "apikey.created.v1", "apikey.revoked.v1", "sink.created.v1", "sink.updated.v1", "sink.deleted.v1", "sink.acknowledged.v1");
        RecordingEventTypes.All.Keys.Should().AllSatisfy(name => name.Should().MatchRegex("^[a-z0-9.-]+$"));
        FluentActions.Invoking(() => RecordingEventTypes.NameOf(typeof(string))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void CameraAdded_WithPlaintextPasswords_IsRefused()
    {
        FluentActions.Invoking(() => new CameraAdded(Samples.Camera())).Should().Throw<ArgumentException>().WithMessage("*plaintext*");
        FluentActions.Invoking(() => new CameraUpdated(Samples.Camera())).Should().Throw<ArgumentException>();
        new CameraAdded(Samples.Camera() with { Streams = [new StreamDefinition("main", "rtsp://h/s", null, null)], Events = null }).CameraId.Should().Be(new CameraId("lobby"));
    }

    [Fact]
    public void SourceClosed_RedactsAndBoundsTheError()
    {
        var error = "Connection to rtsp://admin:Sup3rSecret@10.0.0.5/s failed " + new string('x', 50_000);

        var closed = new SourceClosed(new("lobby"), "main", "r1", At, SourceCloseReason.Failed, error);

        closed.LastError.Should().StartWith("Connection to rtsp://admin:***@10.0.0.5/s failed").And.NotContain("Sup3rSecret");
        closed.LastError!.Length.Should().Be(SourceClosed.MaxErrorLength);
        (closed with { LastError = "http://u:Sup3rSecret@h" }).LastError.Should().NotContain("Sup3rSecret");
        closed.ToString().Should().NotContain("Sup3rSecret");
    }

    [Theory]
    [InlineData("/abs/path.ts")]
    [InlineData("../escape.ts")]
    [InlineData("lobby/../../x.ts")]
    [InlineData("lobby//x.ts")]
    [InlineData("lobby\\x.ts")]
    [InlineData("C:/x.ts")]
    [InlineData("")]
    [InlineData("lobby/./x.ts")]
    public void SegmentPaths_OutsideTheRoot_AreRefused(string path)
    {
        StoragePaths.IsSafeRelative(path).Should().BeFalse();
        FluentActions.Invoking(() => new SegmentRecorded(new("lobby"), "main", "r1", path, At, At, 0, GopIndex.Empty)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new SegmentLost(new("lobby"), "main", path, SegmentLossReason.FileMissing)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void SegmentRecorded_Invariants_AreChecked()
    {
        FluentActions.Invoking(() => new SegmentRecorded(new("lobby"), "main", "r1", "a.ts", At, At.AddSeconds(-1), 0, GopIndex.Empty)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new SegmentRecorded(new("lobby"), "main", "r1", "a.ts", At, At, -1, GopIndex.Empty)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new SegmentRecorded(new("lobby"), "Main", "r1", "a.ts", At, At, 0, GopIndex.Empty)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new StreamStarted(new("lobby"), "main", "r 1", At)).Should().Throw<ArgumentException>();
        new SegmentRecorded(new("lobby"), "main", "r1", "a.ts", At, At.AddSeconds(60), 0, null!).Duration.Should().Be(TimeSpan.FromSeconds(60));
    }
}
