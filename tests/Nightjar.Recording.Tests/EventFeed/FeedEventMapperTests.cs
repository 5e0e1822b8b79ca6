using System.Collections.Immutable;
using System.Text.Json;
using Nightjar.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.EventFeed;
using Nightjar.Recording.Events;
using Nightjar.Recording.EventSinks;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.EventFeed;

public sealed class FeedEventMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private static readonly Nightjar.Recording.Access.ISecretProtector Protector = Protectors.Create();
    private static readonly CameraId Lobby = new("lobby");

    [Fact]
    public void Map_EveryRecordingEventType_IsPublishedOrDeliberatelyInternal()
    {
        var samples = Samples().ToDictionary(e => e.GetType());
        samples.Keys.Should().BeEquivalentTo(RecordingEventTypes.All.Values, "the test has a sample of every event type");

        var published = RecordingEventTypes.All.Values.Where(t => !FeedEventMapper.InternalTypes.Contains(t)).ToList();
        published.Select(t => FeedEventMapper.TypeOf(samples[t])).Should().OnlyHaveUniqueItems().And.NotContainNulls()
            .And.BeEquivalentTo(FeedEventTypes.All, "every published name has exactly one event type");
        foreach (var type in FeedEventMapper.InternalTypes)
        {
            FeedEventMapper.Map(Journaled(samples[type])).Should().BeNull($"{type.Name} is internal");
        }
    }

    [Fact]
    public void Map_EverySample_ShowsNoSecret()
    {
        var camera = Nightjar.Recording.Tests.Support.Samples.Camera() with
        {
            Streams = [new StreamDefinition("main", "rtsp://10.0.0.5/s?token=Qu3ryT0ken", new Credentials("user", "Str3amPa55"), 1000)],
        };
        var protectedCamera = camera.ProtectCredentials(Protector);
        var protectedPassword = protectedCamera.Streams[0].Credentials!.Password;
        var sinkSecret = "sink-signing-secret-0123456789";
        var events = Samples(protectedCamera, sinkSecret).Select(Journaled).ToList();

        var json = string.Join("\n", events.Select(FeedEventMapper.Map).OfType<FeedEvent>().Select(e => JsonSerializer.Serialize(e, FeedJson.Options)));

        json.Should().NotContain("Str3amPa55").And.NotContain(Nightjar.Recording.Tests.Support.Samples.EventPassword).And.NotContain("Qu3ryT0ken")
            .And.NotContain(protectedPassword).And.NotContain(sinkSecret).And.NotContain("SecretHash").And.NotContain("\"password\"", "only passwordSet is published");
        json.Should().Contain("\"passwordSet\":true").And.Contain("token=***");
    }

    [Fact]
    public void Map_SegmentRecorded_DropsTheGopIndexAndKeepsTimes()
    {
        var recorded = new SegmentRecorded(Lobby, "main", "run1", "lobby/main/2026/03/04/run1/1.ts", At, At.AddMilliseconds(60_040), 123456,
            GopIndex.Create([new GopEntry(0, 0), new GopEntry(188 * 100, 90_000 * 2)], 90_000 * 60));

        var mapped = FeedEventMapper.Map(Journaled(recorded))!;

        mapped.Type.Should().Be("dvr_segment_recorded");
        mapped.Camera.Should().Be("lobby");
        var json = JsonSerializer.Serialize(mapped, FeedJson.Options);
        json.Should().NotContain("gops").And.NotContain("Gops");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("id").GetString().Should().Be("0-7");
        root.GetProperty("time").GetString().Should().Be("2026-03-04T05:06:08Z");
        var payload = root.GetProperty("payload");
        payload.GetProperty("start").GetString().Should().Be("2026-03-04T05:06:07Z");
        payload.GetProperty("end").GetString().Should().Be("2026-03-04T05:07:07.04Z");
        payload.GetProperty("duration").GetDouble().Should().Be(60.04);
        payload.GetProperty("bytes").GetInt64().Should().Be(123456);
        payload.GetProperty("run").GetString().Should().Be("run1");
    }

    [Fact]
    public void Map_CameraEvent_CarriesTypeRegionAndTarget()
    {
        var reported = new CameraEventReported(Lobby, "linedetection", AlarmState.Active, At, "hikvision", Region: "2", Target: "human", Channel: 3);

        var payload = FeedEventMapper.Map(Journaled(reported))!.Payload;

        payload.ToJsonString().Should().Be("""{"type":"linedetection","state":"active","at":"2026-03-04T05:06:07Z","source":"hikvision","region":"2","target":"human","channel":3}""");
    }

    [Fact]
    public void Map_StorageAlarm_HasNoCamera()
    {
        var mapped = FeedEventMapper.Map(Journaled(new StorageAlarm("main", StorageAlarmKind.DiskFull, "Disk full", At)))!;

        mapped.Camera.Should().BeNull();
        mapped.Type.Should().Be("storage_alarm");
        mapped.Payload["kind"]!.GetValue<string>().Should().Be("disk_full");
    }

    [Fact]
    public void Map_UnknownPayload_IsNotPublished() =>
        FeedEventMapper.Map(new JournalEvent(new JournalOffset(0, 1), "x", 1, At, "other.v1", "not an event")).Should().BeNull();

    private static JournalEvent Journaled(IRecordingEvent payload) =>
        new(new JournalOffset(0, 7), "test", 1, At.AddSeconds(1), RecordingEventTypes.NameOf(payload.GetType()), payload);

    private static IEnumerable<IRecordingEvent> Samples() =>
        Samples(Nightjar.Recording.Tests.Support.Samples.Camera().ProtectCredentials(Protector), "sink-signing-secret-0123456789");

    private static IEnumerable<IRecordingEvent> Samples(CameraDefinition camera, string sinkSecret)
    {
        var sink = new EventSinkDefinition("0123456789abcdef", "hook", Protector.Protect("http://u:p@h/x"), "http://u:***@h/x", ["camera_alarm"], [],
            ImmutableSortedDictionary<string, string>.Empty.Add("X-Token", Protector.Protect("tok")), Protector.Protect(sinkSecret), 100, EventSinkStart.Now, 1, At, At);
        yield return new CameraAdded(camera);
        yield return new CameraUpdated(camera);
        yield return new CameraRemoved(Lobby);
        yield return new StreamStarted(Lobby, "main", "run1", At);
        yield return new SourceClosed(Lobby, "main", "run1", At, SourceCloseReason.Failed, "rtsp://admin:Str3amPa55@10.0.0.5/s refused");
        yield return new SegmentRecorded(Lobby, "main", "run1", "lobby/main/1.ts", At, At.AddSeconds(60), 1000, GopIndex.Empty);
        yield return new SegmentLost(Lobby, "main", "lobby/main/1.ts", SegmentLossReason.FileMissing);
        yield return new SegmentGarbageMarked(Lobby, "main", "lobby/main/1.ts", SegmentDeletionReason.Expired);
        yield return new SegmentDeleted(Lobby, "main", "lobby/main/1.ts", At, At.AddSeconds(60), 1000, SegmentDeletionReason.Expired);
        yield return new MotionStarted(Lobby, At, "api", "motion");
        yield return new MotionStopped(Lobby, At, At.AddSeconds(5), MotionStopReason.Stopped);
        yield return new EvidenceLockAdded(Lobby, "lock1", At, At.AddHours(1), null, "incident 42", "operator-key", At);
        yield return new EvidenceLockReleased(Lobby, "lock1", "operator-key", At);
        yield return new CameraAlarm(Lobby, "door", AlarmState.Pulse, At, "api");
        yield return new CameraEventReported(Lobby, "VMD", AlarmState.Active, At, "hikvision");
        yield return new StorageAlarm("main", StorageAlarmKind.PassRefused, "refused", At);
        yield return new ApiKeyCreated("0123456789abcdef", "ci", Nightjar.Recording.Access.Role.Viewer, "c2VjcmV0LWhhc2g", At);
        yield return new ApiKeyRevoked("0123456789abcdef", At);
        yield return new EventSinkCreated(sink);
        yield return new EventSinkUpdated(sink);
        yield return new EventSinkDeleted(sink.Id, At);
        yield return new EventSinkAcknowledged(sink.Id, 1, new JournalOffset(0, 3), 2, 2, At);
    }
}
