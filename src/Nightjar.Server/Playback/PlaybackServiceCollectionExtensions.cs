using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nightjar.Server.Playback;

internal static class PlaybackServiceCollectionExtensions
{
    /// <summary>
    /// The playback endpoints' own services. They read the recordings through
    /// <see cref="Nightjar.Recording.Runtime.IRecordingArchive"/> and the cameras through
    /// <see cref="Nightjar.Recording.Runtime.ICameraManager"/>, which the host registers (the recording engine); those are
    /// resolved per request, so a host without them still starts and only its media requests fail.
    /// </summary>
    public static IServiceCollection AddNightjarPlayback(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlaybackMetrics>();
        services.TryAddSingleton<SnapshotService>();
        services.TryAddSingleton<Mp4Exporter>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, PlaybackJsonContext.Default));
        return services;
    }
}
