using Microsoft.Extensions.DependencyInjection.Extensions;
using Nightjar.Server.Playback;

namespace Nightjar.Server.Cluster.Routing;

internal static class ClusterRoutingServiceCollectionExtensions
{
    /// <summary>
    /// Request routing between nodes: the forwarder (one pooled HTTP handler), the chunk locator, the router the media
    /// and camera-status endpoints consult, and the RTSP redirects the relay consults. Needs an
    /// <see cref="IClusterDirectory"/> (on a single node, <see cref="SingleNodeDirectory"/>: nothing is ever routed),
    /// the segment catalog, the recording archive, the camera manager and the security services (the cluster key).
    /// Nothing to add to the pipeline: the endpoints carry their routing filters (<see cref="ClusterRouteFilters"/>),
    /// which run after <c>UseAuthorization()</c>.
    /// </summary>
    public static IServiceCollection AddNightjarClusterRouting(this IServiceCollection services)
    {
        services.AddOptions<ClusterForwarderOptions>();
        services.TryAddSingleton<ClusterRoutingMetrics>();
        services.TryAddSingleton<ClusterForwarder>();
        services.TryAddSingleton<RemoteSegmentLocator>();
        services.TryAddSingleton<ClusterRouter>();
        services.TryAddSingleton<IRemoteSpans, ClusterExportSpans>();
        services.TryAddSingleton<ClusterRtspRedirects>();
        return services;
    }
}
