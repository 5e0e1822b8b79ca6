using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nightjar.Media.Simulation;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Cli;

/// <summary>
/// <c>nightjar demo</c>: one node on embedded storage (SQLite in the data directory), a camera-side RTSP server
/// with simulated cameras, those cameras added to the node and recording, and the URLs to open.
/// </summary>
internal static partial class DemoCommand
{
    private const string AdminKeyFileName = "demo-admin.key";
    private static readonly TimeSpan PlayerTokenLifetime = TimeSpan.FromHours(24);

    public static Command Create()
    {
        var cameras = new Option<int>("--cameras", "-n") { Description = "How many simulated cameras (1-16).", DefaultValueFactory = _ => 4 };
        var cameraPort = new Option<int>("--camera-port") { Description = "Port of the simulated cameras' own RTSP server on 127.0.0.1.", DefaultValueFactory = _ => 8555 };
        var command = new Command("demo", "Run a single demo node with simulated cameras recording (data in NIGHTJAR__DATA__PATH, default ./.nightjar-demo).");
        command.Options.Add(cameras);
        command.Options.Add(cameraPort);
        command.Validators.Add(result =>
        {
            // Only a value the user gave: a command validator does not see the option's default (it reads 0).
            if (result.GetResult(cameras) is not null && result.GetValue(cameras) is < 1 or > 16)
            {
                result.AddError("--cameras must be between 1 and 16.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(cameras),
            parseResult.GetValue(cameraPort),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int cameraCount, int cameraPort, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var dataPath = Path.GetFullPath(Environment.GetEnvironmentVariable("NIGHTJAR__DATA__PATH") ?? ".nightjar-demo");
        Directory.CreateDirectory(dataPath);
        var adminKey = Environment.GetEnvironmentVariable("NIGHTJAR__AUTH__BOOTSTRAPADMINKEY") ?? LoadOrCreateDemoKey(dataPath);

        using var signal = new ShutdownSignal(cancellationToken);
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        await using var cameraServer = SimCommand.CreateCameraServer(cameraPort, loggerFactory);
        await cameraServer.StartAsync(cancellationToken);
        await using var fleet = new SimulatedCameraFleet(
            new SimulatedCameraOptions
            {
                Cameras = cameraCount,
                RtspUrl = new Uri($"rtsp://127.0.0.1:{cameraServer.LocalEndPoint.Port}"),
                ClipDirectory = Path.Combine(dataPath, "sim-clips"),
            },
            loggerFactory);
        await output.WriteLineAsync($"Starting {cameraCount} simulated camera(s) (the first run encodes the clips once)...");
        await fleet.StartAsync(cancellationToken);

        var options = new NightjarHostOptions
        {
            Overrides = new Dictionary<string, string?>
            {
                ["Data:Path"] = dataPath,
                ["Http:BindAddress"] = Environment.GetEnvironmentVariable("NIGHTJAR__HTTP__BINDADDRESS") ?? "127.0.0.1",
                ["Rtsp:BindAddress"] = Environment.GetEnvironmentVariable("NIGHTJAR__RTSP__BINDADDRESS") ?? "127.0.0.1",
                ["Auth:BootstrapAdminKey"] = adminKey,
                ["Node:Id"] = Environment.GetEnvironmentVariable("NIGHTJAR__NODE__ID") ?? "demo",
            },
        };

        WebApplication app;
        try
        {
            app = NightjarHost.Build(options);
        }
        catch (Configuration.ConfigurationException ex)
        {
            foreach (var e in ex.Errors)
            {
                await error.WriteLineAsync($"configuration error: {e}");
            }

            return ExitCodes.InvalidInput;
        }

        await using (app)
        {
            await app.StartAsync(cancellationToken);
            var manager = app.Services.GetRequiredService<ICameraManager>();
            foreach (var camera in fleet.Cameras)
            {
                await EnsureCameraAsync(manager, camera, error, cancellationToken);
            }

            await PrintUrlsAsync(output, app, fleet, adminKey);
            await signal.Signalled;
            await output.WriteLineAsync("Stopping...");
            await app.StopAsync(CancellationToken.None);
        }

        await fleet.StopAsync(CancellationToken.None);
        return ExitCodes.Success;
    }

    private static async Task EnsureCameraAsync(ICameraManager manager, SimulatedCamera camera, TextWriter error, CancellationToken cancellationToken)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"cam{camera.Number}");
        if (manager.Registry.Contains(new CameraId(id)))
        {
            return;
        }

        var json = $$"""
            {"id": "{{id}}", "name": "Demo camera {{camera.Number}}",
             "streams": [{"name": "main", "url": "{{camera.Url}}", "expectedBitrateKbps": 1000}],
             "dvr": {"depth": "1d", "motionDepth": "7d"}, "labels": {"demo": "true"} }
            """;
        var parsed = CameraRequestValidator.ParseCreate(Encoding.UTF8.GetBytes(json));
        if (parsed.Value is null)
        {
            await error.WriteLineAsync($"demo camera {id} was refused: {string.Join("; ", parsed.Errors)}");
            return;
        }

        var result = await manager.AddAsync(parsed.Value, cancellationToken);
        if (result.Status != CameraCommandStatus.Ok)
        {
            await error.WriteLineAsync($"demo camera {id} was not added: {result.Reason}");
        }
    }

    private static async Task PrintUrlsAsync(TextWriter output, WebApplication app, SimulatedCameraFleet fleet, string adminKey)
    {
        var http = app.Urls.First().TrimEnd('/');
        var rtspPort = app.Services.GetRequiredService<Rtsp.RtspRelayService>().Port;
        var from = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Nightjar demo node is running (Ctrl-C to stop).");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Admin API key:   {adminKey}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Health:          {http}/health/ready");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Cameras (API):   curl -H 'Authorization: Bearer {adminKey}' {http}/api/v1/cameras");
        text.AppendLine(CultureInfo.InvariantCulture, $"  OpenAPI:         {http}/openapi/v1.json");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Metrics:         {http}/metrics");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Retention:       curl -H 'Authorization: Bearer {adminKey}' {http}/api/v1/retention");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Events (live):   curl -N -H 'Authorization: Bearer {adminKey}' {http}/api/v1/events/stream");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Raise an alarm:  curl -X POST -u 'demo:{adminKey}' '{http}/api/v1.1/cameras/alarms/trigger?cameraId=cam1&type=motion'");
        var tokens = app.Services.GetRequiredService<PlaybackTokenService>();
        foreach (var camera in fleet.Cameras)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"cam{camera.Number}");
            var token = Uri.EscapeDataString(tokens.Issue(id, Permissions.PlayLive | Permissions.PlayArchive | Permissions.Export, PlayerTokenLifetime));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {id}:");
            text.AppendLine(CultureInfo.InvariantCulture, $"    live HLS:      {http}/{id}/index.m3u8?token={token}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    archive HLS:   {http}/{id}/index-{from}-now.m3u8?token={token}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    export MP4:    {http}/{id}/archive-{from}-60.mp4?token={token}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    timeline:      {http}/{id}/recording_status.json?token={token}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    preview:       {http}/{id}/preview.jpg?token={token}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    RTSP:          rtsp://127.0.0.1:{rtspPort}/{id}?token={token}");
        }

        text.AppendLine("  (Player URLs carry playback tokens valid for 24 h; new ones: POST /api/v1/cameras/{id}/token with the admin key.)");
        await output.WriteAsync(text.ToString());
        await output.FlushAsync();
    }

    /// <summary>The demo's admin key lives in its data directory so every run of the same demo prints the same key.</summary>
    private static string LoadOrCreateDemoKey(string dataPath)
    {
        var file = Path.Combine(dataPath, AdminKeyFileName);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        var key = "nj_demo_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(file, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
