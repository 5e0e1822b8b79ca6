using Microsoft.Extensions.Options;
using Nightjar.Media.Ffmpeg;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Configuration;
using Nightjar.Server.Rtsp;

namespace Nightjar.Server.Recording;

internal static class RecordingServiceCollectionExtensions
{
    /// <summary>
    /// The recording engine (cameras, ingest, archive) as <see cref="ICameraManager"/> and
    /// <see cref="IRecordingArchive"/>. Register after storage and the RTSP relay: hosted services start in order.
    /// Camera passwords are protected by the <see cref="ISecretProtector"/> that security registers.
    /// </summary>
    public static IServiceCollection AddNightjarRecording(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var recording = sp.GetRequiredService<IOptions<RecordingOptions>>().Value;
            var data = sp.GetRequiredService<IOptions<DataOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var relay = sp.GetRequiredService<RtspRelayService>();
            var node = sp.GetRequiredService<IOptions<NodeOptions>>().Value;
            var cluster = sp.GetRequiredService<IOptions<ClusterOptions>>().Value;
            var inCluster = sp.GetService<ICameraOwnership>() is not null;
            var options = new RecordingEngineOptions
            {
                StorageRoots = storage.GetEffectiveRoots(data).Select(r => Path.GetFullPath(r.Path!)).ToArray(),
                SegmentDuration = TimeSpan.FromSeconds(recording.SegmentSeconds),
                FfmpegPath = recording.FfmpegPath,
                RelayBaseUrl = relay.LocalPublishUrl,
                Supervisor = new SupervisorOptions { StallTimeout = TimeSpan.FromSeconds(recording.StallTimeoutSeconds) },

                // In a cluster, segments name the node whose disk holds them, and cameras added through other
                // nodes reach this node's registry by catching up with the shared journal.
                NodeId = inCluster ? node.Id : null,
                RegistryRefreshInterval = inCluster ? TimeSpan.FromSeconds(cluster.RegistryRefreshSeconds) : null,
            };
            return new RecordingEngine(
                options,
                sp.GetRequiredService<IEventJournal>(),
                sp.GetRequiredService<ISegmentCatalog>(),
                sp.GetRequiredService<ISecretProtector>(),
                sp.GetRequiredService<ILoggerFactory>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(),
                sp.GetService<ICameraOwnership>(),
                sp.GetService<ISegmentAuthority>());
        });
        services.AddSingleton<ICameraManager>(sp => sp.GetRequiredService<RecordingEngine>());
        services.AddSingleton<IRecordingArchive>(sp => sp.GetRequiredService<RecordingEngine>());
        services.AddHostedService<RecordingEngineService>();
        return services;
    }
}
