using System.Collections.Immutable;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Policies;

namespace Nightjar.Recording.Tests.Support;

/// <summary>Known-good inputs shared by tests.</summary>
internal static class Samples
{
    public const string StreamPassword = "Str3amPa55";
    public const string EventPassword = "Ev3ntPa55";

    /// <summary>The camera resource of DESIGN.md, with every field used.</summary>
    public const string FullRequestJson = """
        {
          "id": "lobby",
          "name": "Lobby",
          "streams": [
            {"name": "main", "url": "rtsp://user:Str3amPa55@10.0.0.5/stream1", "expectedBitrateKbps": 1000, "record": true},
            {"name": "sub", "url": "rtsp://10.0.0.5/stream2", "username": "viewer", "password": "Str3amPa55", "record": false}
          ],
          "dvr": {"depth": "7d", "motionDepth": "30d", "space": "100GB", "preAlarm": "10s", "postAlarm": "30s"},
          "events": {"kind": "hikvision", "url": "http://10.0.0.5", "username": "admin", "password": "Ev3ntPa55", "channel": 1},
          "labels": {"site": "paris", "floor": "0"},
          "enabled": true,
          "audio": "copy"
        }
        """;

    public static CameraDefinition Camera(string id = "lobby", string streamPassword = StreamPassword) => new(
        new CameraId(id),
        "Lobby",
        [
            new StreamDefinition("main", "rtsp://10.0.0.5/stream1", new Credentials("user", streamPassword), 1000),
            new StreamDefinition("sub", "rtsp://10.0.0.5/stream2", null, null, Record: false),
        ],
        new DvrPolicy(DepthLimit.Parse("7d"), DepthLimit.Parse("30d"), ByteSize.Parse("100GB"), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)),
        new EventSourceDefinition(EventSourceKinds.Hikvision, "http://10.0.0.5", new Credentials("admin", EventPassword)),
        ImmutableSortedDictionary<string, string>.Empty.Add("site", "paris"),
        Enabled: true,
        Audio: AudioMode.Copy);
}
