using Microsoft.Extensions.Options;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Rtsp;

namespace Nightjar.Server.Recording;

/// <summary>
/// Starts the recording engine once the database is migrated and the relay listens (it is registered after both),
/// and stops it first on shutdown so every ffmpeg is stopped and open segments are closed before the relay goes.
/// </summary>
internal sealed class RecordingEngineService(RecordingEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
