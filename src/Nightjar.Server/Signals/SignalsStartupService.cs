using Nightjar.Recording.Protection;
using Nightjar.Recording.Signals;

namespace Nightjar.Server.Signals;

/// <summary>
/// At start (after the journal is migrated and the engine has loaded the cameras): loads the protection read model and
/// resumes the signal actors of cameras whose motion window the journal shows open, so their max-duration and
/// removed-camera checks run without waiting for a new signal. At shutdown: stops the pipeline (queued reports finish).
/// </summary>
internal sealed partial class SignalsStartupService(ProtectionIndex index, CameraSignalPipeline pipeline, ILogger<SignalsStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await index.CatchUpAsync(cancellationToken);
        var open = index.Current.Cameras.Values
            .Where(c => c.Motion.Count > 0 && c.Motion[^1].End is null)
            .Select(c => c.CameraId)
            .ToList();
        await pipeline.ResumeAsync(open, cancellationToken);
        LogStarted(logger, applied, open.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await pipeline.DisposeAsync();

    [LoggerMessage(EventId = 1660, Level = LogLevel.Information, Message = "Signals started: {Events} protection events loaded, {Open} cameras with motion in progress resumed")]
    private static partial void LogStarted(ILogger logger, long events, int open);
}
