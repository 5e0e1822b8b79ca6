using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nightjar.Media.Simulation;

/// <summary>
/// N simulated IP cameras: each loops a pre-encoded H.264 clip (1280x720, 25 fps, 1 s GOP, ~1 Mbit/s by default)
/// into an RTSP relay at <c>{RtspUrl}/{PathPrefix}{n}</c> with one ffmpeg per camera in stream-copy mode.
/// Dead publishers are restarted with backoff; disposing the fleet kills them all.
/// </summary>
public sealed partial class SimulatedCameraFleet : IAsyncDisposable
{
    private readonly SimulatedCameraOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _publishers = [];
    private int _state;

    public SimulatedCameraFleet(SimulatedCameraOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SimulatedCameraFleet>();
        _time = timeProvider ?? TimeProvider.System;
        var cameras = new SimulatedCamera[options.Cameras];
        var readerBase = new UriBuilder(options.RtspUrl) { UserName = string.Empty, Password = string.Empty, Path = string.Empty, Query = string.Empty }.Uri;
        for (var i = 0; i < cameras.Length; i++)
        {
            var number = i + 1;
            var path = options.PathPrefix.Trim('/') + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var clip = options.Motion && number % 2 == 1 ? SimulatedClipKind.Motion : SimulatedClipKind.Static;
            cameras[i] = new SimulatedCamera(number, path, new Uri(readerBase, path), clip, options.Audio);
        }

        Cameras = cameras;
    }

    public IReadOnlyList<SimulatedCamera> Cameras { get; }

    /// <summary>Encodes missing clips (once; cached in <see cref="SimulatedCameraOptions.ClipDirectory"/>) and starts the publishers.</summary>
    /// <exception cref="InvalidOperationException">ffmpeg is missing or cannot encode.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The fleet can be started once.");
        }

        var clips = new Dictionary<SimulatedClipKind, string>();
        foreach (var camera in Cameras)
        {
            if (!clips.ContainsKey(camera.Clip))
            {
                clips[camera.Clip] = await SimulatedClips.EnsureAsync(camera.Clip, _options, cancellationToken);
            }
        }

        foreach (var camera in Cameras)
        {
            var publishUrl = new Uri(_options.RtspUrl, camera.Path);
            var publisher = new SimulatedPublisher(camera, clips[camera.Clip], publishUrl, _options, _logger, _time);
            _publishers.Add(Task.Run(() => publisher.RunAsync(_stopping.Token), CancellationToken.None));
        }

        var relay = _options.RtspUrl.GetLeftPart(UriPartial.Authority);
        LogFleetStarted(_logger, Cameras.Count, relay);
    }

    /// <summary>Kills every publisher and waits for them to exit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_publishers).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15), _time);
        try
        {
            await StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Each publisher already killed its process; only the waiting timed out.
        }

        _stopping.Dispose();
    }
}
