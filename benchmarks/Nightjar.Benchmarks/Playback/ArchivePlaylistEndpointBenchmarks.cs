extern alias server;

using System.Buffers;
using System.Collections;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Nightjar.Media.Hls;
using Nightjar.Media.Ts;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using server::Nightjar.Server.Hosting;
using server::Nightjar.Server.Playback;

namespace Nightjar.Benchmarks.Playback;

/// <summary>
/// The archive playlist endpoint (<c>/lobby/index-{from}-{duration}.m3u8?token=...</c>) over an in-memory index of
/// 60 s files of 60 one-second GOPs (the Hls benchmarks' index), for 1 hour (3,600 chunks) and 7 days (604,800):
/// Media's whole-buffer builder as the baseline, the server's streaming writer alone, and the whole endpoint through a
/// real node on Kestrel (routing, token authentication, index query, streamed response, read by an HttpClient).
/// </summary>
[Config(typeof(PlaybackBenchmarkConfig))]
public class ArchivePlaylistEndpointBenchmarks
{
    private const string AdminKey = "benchmark-admin-key-0123456789";
    private static readonly DateTimeOffset Start = new(2026, 11, 14, 0, 0, 0, TimeSpan.Zero);

    private readonly byte[] _readBuffer = new byte[64 * 1024];
    private List<HlsSegment> _segments = [];
    private DateTimeOffset _end;
    private string _token = string.Empty;
    private string _url = string.Empty;
    private string _dataPath = string.Empty;
    private WebApplication? _app;
    private HttpClient? _client;

    [Params(1, 168)]
    public int Hours { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _segments = [];
        for (var s = 0; s < Hours * 60; s++)
        {
            var chunks = new GopEntry[60];
            long offset = 0;
            for (var g = 0; g < chunks.Length; g++)
            {
                var length = 188L * (600 + ((s + g) % 40)); // ~115 KB per 1 s GOP at ~1 Mbit/s
                chunks[g] = new GopEntry(offset, length, 126_000 + (g * 90_000L), 90_000);
                offset += length;
            }

            // Keys shaped like the engine's; a restart every 6 hours gives the playlist some discontinuities.
            var start = Start.AddMinutes(s);
            _segments.Add(new HlsSegment($"{start:yyyyMMdd}.run{s / 360}.{start.ToUnixTimeSeconds()}", $"run{s / 360}", start, chunks));
        }

        _end = Start.AddHours(Hours);
        _dataPath = Path.Combine(Path.GetTempPath(), "nightjar-bench-playback-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataPath);
        var archive = new BenchRecordingArchive(_segments);
        _app = NightjarHost.Build(new NightjarHostOptions
        {
            EnvironmentVariables = new Hashtable(),
            Overrides = new Dictionary<string, string?>
            {
                ["Http:Port"] = "0",
                ["Http:BindAddress"] = "127.0.0.1",
                ["Rtsp:Port"] = "0",
                ["Rtsp:BindAddress"] = "127.0.0.1",
                ["Rtsp:UdpRtpPort"] = "0",
                ["Data:Path"] = _dataPath,
                ["Node:Id"] = "bench-node",
                ["Auth:BootstrapAdminKey"] = AdminKey,
                ["Logging:LogLevel:Default"] = "Warning",
            },
            ConfigureBuilder = builder =>
            {
                builder.Services.AddSingleton<IRecordingArchive>(archive);
                builder.Services.AddSingleton<ICameraManager>(new BenchCameraManager());
            },
        });
        _app.StartAsync().GetAwaiter().GetResult();
        _token = _app.Services.GetRequiredService<PlaybackTokenService>().Issue("lobby", Permissions.Playback, TimeSpan.FromHours(24));
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
        _url = $"/lobby/index-{Start.ToUnixTimeSeconds()}-{Hours * 3600}.m3u8?token={_token}";

        var expected = MediaBuildVod();
        var served = Endpoint();
        if (served != expected)
        {
            throw new InvalidOperationException($"The endpoint served {served} bytes where Media's builder makes {expected}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            _app.StopAsync().GetAwaiter().GetResult();
            _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Directory.Delete(_dataPath, recursive: true);
    }

    /// <summary>Media's builder: the whole playlist in one buffer, a URI string per chunk (what the server does not do).</summary>
    [Benchmark(Baseline = true)]
    public int MediaBuildVod()
    {
        var uris = new ChunkUriFormat("main/", _token, byteRanges: false);
        return ArchivePlaylist.BuildVod(_segments, Start, _end, new ArchivePlaylistOptions { Addressing = uris.Addressing }).Utf8.Length;
    }

    /// <summary>The server's writer alone, in 64 KiB pieces into a reused buffer (the response minus HTTP).</summary>
    [Benchmark]
    public long StreamingWriter()
    {
        var uris = new ChunkUriFormat("main/", _token, byteRanges: false);
        var writer = new ArchivePlaylistWriter(_segments, Start, _end, endList: true, uris, new ArchivePlaylistOptions { Addressing = uris.Addressing });
        var output = new ArrayBufferWriter<byte>(PlaylistResult.FlushBytes * 2);
        long total = 0;
        while (!writer.IsComplete)
        {
            total += writer.WriteSome(output, PlaylistResult.FlushBytes);
            output.ResetWrittenCount();
        }

        return total;
    }

    /// <summary>GET over loopback HTTP, read to the end: what a player waits for.</summary>
    [Benchmark]
    public long Endpoint()
    {
        using var response = _client!.GetAsync(new Uri(_url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var body = response.Content.ReadAsStream();
        long total = 0;
        int read;
        while ((read = body.Read(_readBuffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>GET until the first 64 KiB arrived: how soon a long playlist starts flowing.</summary>
    [Benchmark]
    public int EndpointFirstBytes()
    {
        using var response = _client!.GetAsync(new Uri(_url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var body = response.Content.ReadAsStream();
        var total = 0;
        int read;
        while (total < _readBuffer.Length && (read = body.Read(_readBuffer, total, _readBuffer.Length - total)) > 0)
        {
            total += read;
        }

        return total;
    }
}
