using System.CommandLine;
using Nightjar.Media.Rtsp;
using Nightjar.Media.Simulation;

namespace Nightjar.Server.Cli;

/// <summary>
/// <c>nightjar sim --cameras N [--rtsp URL] [--listen PORT] [--motion] [--audio aac|g711]</c>: simulated cameras
/// publishing H.264 (720p25, 1 s GOP, about 1 Mbit/s) at <c>/sim/cam1..camN</c>, until Ctrl-C or SIGTERM.
/// </summary>
/// <remarks>
/// By default they publish into a node's relay (<c>--rtsp</c>). With <c>--listen</c> the command runs its own
/// RTSP server on 127.0.0.1 that anyone may read, so the simulated cameras look like real ones to a node that
/// pulls from them (the demo does this).
/// </remarks>
internal static class SimCommand
{
    public static Command Create()
    {
        var cameras = new Option<int>("--cameras", "-n") { Description = "How many cameras (1-500).", DefaultValueFactory = _ => 4 };
        var rtsp = new Option<Uri?>("--rtsp") { Description = "RTSP server to publish into (default rtsp://127.0.0.1:8554).", HelpName = "URL" };
        var listen = new Option<int?>("--listen") { Description = "Run an RTSP server on 127.0.0.1:PORT for the cameras instead of publishing into a relay.", HelpName = "PORT" };
        var motion = new Option<bool>("--motion") { Description = "Every camera shows the clip with a moving object (known motion windows)." };
        var audio = new Option<SimulatedAudio>("--audio") { Description = "Audio track: none, aac or g711.", DefaultValueFactory = _ => SimulatedAudio.None };
        var clips = new Option<string?>("--clips") { Description = "Directory caching the encoded clips.", HelpName = "DIR" };

        var command = new Command("sim", "Run simulated cameras (a generated test pattern) that publish over RTSP.");
        command.Options.Add(cameras);
        command.Options.Add(rtsp);
        command.Options.Add(listen);
        command.Options.Add(motion);
        command.Options.Add(audio);
        command.Options.Add(clips);
        command.Validators.Add(result =>
        {
            // Only a value the user gave: a command validator does not see the option's default (it reads 0).
            if (result.GetResult(cameras) is not null && result.GetValue(cameras) is < 1 or > 500)
            {
                result.AddError("--cameras must be between 1 and 500.");
            }

            if (result.GetValue(listen) is { } port && (port is < 1 or > 65535))
            {
                result.AddError("--listen must be a TCP port between 1 and 65535.");
            }

            if (result.GetValue(rtsp) is { } url && (!url.IsAbsoluteUri || url.Scheme != "rtsp"))
            {
                result.AddError("--rtsp must be an rtsp:// URL.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            await using var server = parseResult.GetValue(listen) is { } port ? CreateCameraServer(port, loggerFactory) : null;
            if (server is not null)
            {
                await server.StartAsync(cancellationToken);
            }

            var options = new SimulatedCameraOptions
            {
                Cameras = parseResult.GetValue(cameras),
                RtspUrl = server is not null ? new Uri($"rtsp://127.0.0.1:{server.LocalEndPoint.Port}") : parseResult.GetValue(rtsp) ?? new Uri("rtsp://127.0.0.1:8554"),
                Motion = parseResult.GetValue(motion),
                Audio = parseResult.GetValue(audio),
            };
            if (parseResult.GetValue(clips) is { } dir)
            {
                options.ClipDirectory = dir;
            }

            using var signal = new ShutdownSignal(cancellationToken);
            await using var fleet = new SimulatedCameraFleet(options, loggerFactory);
            await output.WriteLineAsync($"encoding clips into {options.ClipDirectory} (once) and starting {options.Cameras} camera(s)...");
            await fleet.StartAsync(cancellationToken);
            foreach (var camera in fleet.Cameras)
            {
                await output.WriteLineAsync($"  {camera.Url}");
            }

            await output.WriteLineAsync("running; Ctrl-C to stop");
            await signal.Signalled;
            await fleet.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A camera-side RTSP server: loopback only, anyone on this machine may read.</summary>
    public static RtspServer CreateCameraServer(int port, ILoggerFactory loggerFactory) => new(
        new RtspServerOptions { BindAddress = "127.0.0.1", Port = port, EnableUdp = false, TrustLoopbackPublishers = true },
        new ConfiguredRtspAuthenticator(new RtspAuthOptions { AllowAnonymousRead = true }),
        loggerFactory);
}
