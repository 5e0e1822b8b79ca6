using System.Globalization;
using Nightjar.Server.Playback;

namespace Nightjar.Server.Cluster.Routing;

/// <summary>
/// Endpoint filters that send a request to the node holding what it asks for (<see cref="ClusterRouter"/>). They run
/// after authentication and authorization, so the caller has been checked here with its own credentials. Without
/// <see cref="ClusterRoutingServiceCollectionExtensions.AddNightjarClusterRouting"/>, or on a single node, they only
/// call the endpoint.
/// </summary>
internal static class ClusterRouteFilters
{
    /// <summary>Forwards to the node recording the camera named by route value <paramref name="cameraRouteKey"/>.</summary>
    public static TBuilder RoutedToCameraOwner<TBuilder>(this TBuilder builder, string cameraRouteKey, string kind)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => RunAsync(
            context,
            next,
            (router, http) => ValueTask.FromResult(router.ToCameraOwner(http, RouteText(http, cameraRouteKey), kind))));

    /// <summary>Forwards to the node recording the camera named by query parameter <paramref name="cameraQueryKey"/>.</summary>
    public static TBuilder RoutedToCameraOwnerByQuery<TBuilder>(this TBuilder builder, string cameraQueryKey, string kind)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => RunAsync(
            context,
            next,
            (router, http) => ValueTask.FromResult(router.ToCameraOwner(http, http.Request.Query[cameraQueryKey].ToString(), kind))));

    /// <summary>Forwards a chunk (<c>/c/...</c>, <c>/f/...</c>) this node does not hold to the node that does.</summary>
    public static TBuilder RoutedToChunkHolder<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => RunAsync(
            context,
            next,
            (router, http) => router.ToChunkHolderAsync(
                http,
                RouteText(http, MediaPathResolver.CameraRouteKey),
                RouteText(http, MediaPathResolver.StreamRouteKey),
                RouteText(http, "segmentKey"))));

    /// <summary>Forwards an export whose recordings are all on another node; refuses one spread over several.</summary>
    public static TBuilder RoutedToExportHolder<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => RunAsync(
            context,
            next,
            (router, http) => router.ToExportHolderAsync(http, RouteText(http, "from"), RouteText(http, "duration"))));

    /// <summary>Forwards a growing (<c>-now</c>) archive playlist to the camera's owner, which holds the live edge.</summary>
    public static TBuilder RoutedToOwnerWhenGrowing<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => RunAsync(
            context,
            next,
            (router, http) => ValueTask.FromResult(router.ToOwnerWhenGrowing(http, RouteText(http, MediaPathResolver.CameraRouteKey), RouteText(http, "duration")))));

    private static async ValueTask<object?> RunAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next,
        Func<ClusterRouter, HttpContext, ValueTask<IResult?>> decide)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetService<ClusterRouter>() is not { Enabled: true } router)
        {
            return await next(context);
        }

        return await decide(router, http) ?? await next(context);
    }

    private static string? RouteText(HttpContext http, string key) =>
        Convert.ToString(http.GetRouteValue(key), CultureInfo.InvariantCulture);
}
