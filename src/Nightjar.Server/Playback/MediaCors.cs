using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Playback;

/// <summary>
/// CORS for browser players (hls.js on another origin): any origin may GET media, without credentials (tokens ride
/// in the URL), and may read the headers a player needs. Every media endpoint applies them (<see cref="Filter"/>);
/// <see cref="UseMediaCors"/> also covers what the pipeline answers before an endpoint runs. The API keeps its own rules.
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

    /// <summary>
    /// Puts the CORS headers on every answer to a media request (GET, HEAD or OPTIONS of a path starting with a camera
    /// id), including the 401 and 403 that authentication writes before any endpoint runs: without them a browser
    /// player sees a bare network error instead of "token expired". Place it before <c>UseAuthentication()</c>.
    /// </summary>
    public static IApplicationBuilder UseMediaCors(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            if (IsMediaRequest(context.Request))
            {
                // At the last moment: the exception handler clears headers set earlier.
                context.Response.OnStarting(static state =>
                {
                    Apply(((HttpContext)state).Response);
                    return Task.CompletedTask;
                }, context);
            }

            return next(context);
        });
    }

    /// <summary>GET, HEAD or OPTIONS of <c>/{camera}/...</c> (reserved ids are not camera ids, so /api and /health never are).</summary>
    public static bool IsMediaRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method))
        {
            return false;
        }

        var path = (request.Path.Value ?? string.Empty).AsSpan().TrimStart('/');
        var slash = path.IndexOf('/');
        return slash > 0 && CameraId.IsValid(path[..slash].ToString());
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
