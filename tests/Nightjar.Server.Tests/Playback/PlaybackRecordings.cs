using System.Collections.Immutable;
using System.Globalization;
using Nightjar.Media.Hls;
using Nightjar.Media.Ts;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Policies;

namespace Nightjar.Server.Tests.Playback;

/// <summary>
/// Real recordings made once for all playback tests, like the recorder makes them: 640x360 H.264 at 25 fps with a
/// keyframe every second, cut by ffmpeg's segment muxer into 4 s TS files.
/// <list type="bullet">
/// <item><c>lobby/main</c>: run r1 (12 s, 3 files from T0), a 10 s gap, run r2 (8 s, 2 files from T0+22 s; the last
/// still open). 20 s and 500 frames recorded.</item>
/// <item><c>lobby/sub</c>: configured, never recorded.</item>
/// <item><c>kitchen/main</c>: 4 s with AAC audio (the camera keeps audio), 1 file.</item>
/// <item><c>garage</c>: disabled.</item>
/// </list>
/// </summary>
public sealed class PlaybackRecordings : IAsyncLifetime
{
    /// <summary>2026-11-21T00:00:00Z.</summary>
    public static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_795_219_200);

    public static readonly CameraId Lobby = new("lobby");
    public static readonly CameraId Kitchen = new("kitchen");
    public static readonly CameraId Garage = new("garage");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "nightjar-playback-tests", Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim _nodeLock = new(1, 1);
    private PlaybackNode? _shared;
    private PlaybackNode? _sharedKestrel;

    public string Root => _root;

    public static long T0Seconds => T0.ToUnixTimeSeconds();

    internal StreamRecording LobbyMain { get; private set; } = null!;

    internal StreamRecording KitchenMain { get; private set; } = null!;

    internal static IReadOnlyList<CameraDefinition> Cameras { get; } =
    [
        Camera("lobby", AudioMode.Drop, true, "main", "sub"),
        Camera("kitchen", AudioMode.Copy, true, "main"),
        Camera("garage", AudioMode.Drop, false, "main"),
    ];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var r1 = await EncodeAsync("lobby", "main", "r1", seconds: 12, audio: false);
        var r2 = await EncodeAsync("lobby", "main", "r2", seconds: 8, audio: false);
        var files = new List<RecordedFile>();
        files.AddRange(Index("lobby", "main", "r1", r1, T0, closeLast: true));
        files.AddRange(Index("lobby", "main", "r2", r2, T0.AddSeconds(22), closeLast: false));
        LobbyMain = new StreamRecording(files);

        var kitchen = await EncodeAsync("kitchen", "main", "k1", seconds: 4, audio: true);
        KitchenMain = new StreamRecording([.. Index("kitchen", "main", "k1", kitchen, T0, closeLast: true)]);
    }

    /// <summary>A TestServer node shared by tests that only read (do not move its clock or change its archive).</summary>
    internal Task<PlaybackNode> SharedNodeAsync() => SharedAsync(kestrel: false);

    /// <summary>A Kestrel node on 127.0.0.1 shared by the tests that play over real HTTP with ffmpeg.</summary>
    internal Task<PlaybackNode> SharedKestrelNodeAsync() => SharedAsync(kestrel: true);

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _shared, _sharedKestrel })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        _nodeLock.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private async Task<PlaybackNode> SharedAsync(bool kestrel)
    {
        await _nodeLock.WaitAsync();
        try
        {
            if (kestrel)
            {
                return _sharedKestrel ??= await PlaybackNode.StartAsync(this, kestrel: true);
            }

            return _shared ??= await PlaybackNode.StartAsync(this);
        }
        finally
        {
            _nodeLock.Release();
        }
    }

    /// <summary>A fresh archive over the same files (tests may change its state).</summary>
    internal FakeRecordingArchive CreateArchive()
    {
        var archive = new FakeRecordingArchive(_root);
        archive.Add(Lobby, "main", new StreamRecording(LobbyMain.Files));
        archive.Add(Kitchen, "main", new StreamRecording(KitchenMain.Files));
        return archive;
    }

    private static CameraDefinition Camera(string id, AudioMode audio, bool enabled, params string[] streams) => new(
        new CameraId(id),
        id,
        [.. streams.Select(s => new StreamDefinition(s, $"rtsp://127.0.0.1:8554/{id}/{s}", null, 1000))],
        DvrPolicy.Default,
        null,
        ImmutableSortedDictionary<string, string>.Empty,
        enabled,
        audio);

    /// <summary>One continuous encode cut into 4 s files (continuous PTS, as one ffmpeg run writes them).</summary>
    private async Task<string> EncodeAsync(string camera, string stream, string run, int seconds, bool audio)
    {
        var directory = Path.Combine(_root, camera, stream, run);
        Directory.CreateDirectory(directory);
        List<string> args = ["-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25"];
        if (audio)
        {
            args.AddRange(["-f", "lavfi", "-i", "sine=f=440:r=16000"]);
        }

        args.AddRange(["-t", seconds.ToString(CultureInfo.InvariantCulture), "-map", "0:v"]);
        if (audio)
        {
            args.AddRange(["-map", "1:a", "-c:a", "aac", "-b:a", "32k"]);
        }

        args.AddRange([
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-bf", "0", "-pix_fmt", "yuv420p",
            "-f", "segment", "-segment_time", "4", "-segment_format", "mpegts",
            "-segment_format_options", "mpegts_flags=+initial_discontinuity", Path.Combine(directory, "%d.ts")]);
        var result = await ToolRun.RunAsync("ffmpeg", args, TimeSpan.FromSeconds(90));
        result.ExitCode.Should().Be(0, "ffmpeg must make the test recordings: " + result.StandardError);
        return directory;
    }

    private static IEnumerable<RecordedFile> Index(string camera, string stream, string run, string directory, DateTimeOffset start, bool closeLast)
    {
        var paths = Directory.GetFiles(directory, "*.ts").OrderBy(p => int.Parse(Path.GetFileNameWithoutExtension(p), CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < paths.Count; i++)
        {
            var index = TsIndexer.IndexFile(paths[i]);
            index.Gops.Should().NotBeEmpty();

            // Keys look like the engine's ({yyyyMMdd}.{run}.{unix seconds}); the path stays the generated one.
            var key = string.Create(CultureInfo.InvariantCulture, $"{start.UtcDateTime:yyyyMMdd}.{run}.{start.ToUnixTimeSeconds()}");
            var segment = new HlsSegment(key, run, start, index.Gops);
            var relative = string.Join('/', camera, stream, run, Path.GetFileName(paths[i]));
            var file = new RecordedFile(segment, relative, Closed: closeLast || i < paths.Count - 1);
            yield return file;
            start = file.End;
        }
    }
}
