namespace Nightjar.Server.Playback;

/// <summary>
/// CORS for browser players (hls.js on another origin): any origin may GET media, without credentials (tokens ride
/// in the URL), and may read the headers a player needs. Applied per endpoint, so the API keeps its own rules.
/// </summary>
internal static class MediaCors
{
    public const string ExposedHeaders = "Content-Length, Content-Range, Accept-Ranges, Content-Disposition, Retry-After";

    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlExposeHeaders = ExposedHeaders;
    }

    /// <summary>The endpoint filter of every media route: the headers go on answers and on problems alike.</summary>
    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Apply(context.HttpContext.Response);
        return next(context);
    }

    /// <summary>The answer to a preflight (<c>OPTIONS</c>) for any media path: a player asking to send <c>Range</c>.</summary>
    public static IResult Preflight(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        Apply(http.Response);
        http.Response.Headers.AccessControlAllowMethods = "GET, HEAD, OPTIONS";
        http.Response.Headers.AccessControlAllowHeaders = "Range, Authorization";
        http.Response.Headers.AccessControlMaxAge = "86400";
        return TypedResults.NoContent();
    }
}
