using Microsoft.AspNetCore.Routing;
using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Security;

/// <summary>
/// Which requests are media requests (where <c>?token=</c> is read) and which camera or stream they are about.
/// Media URLs are <c>/{camera}/...</c> or <c>/{camera}/{stream}/...</c> (DESIGN.md); the reserved camera ids
/// (<c>api</c>, <c>health</c>, <c>metrics</c>, ...) can never start one.
/// </summary>
internal static class MediaRequestScope
{
    public const string TokenQueryName = "token";

    /// <summary>
    /// True for GET and HEAD requests whose first path segment is a camera id. Tokens travel in URLs, which end up
    /// in logs and browser histories: they are only ever accepted for reading media, never to change anything.
    /// </summary>
    public static bool IsMediaRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var path = request.Path.Value ?? string.Empty;
        var trimmed = path.AsSpan().TrimStart('/');
        var slash = trimmed.IndexOf('/');
        var first = (slash < 0 ? trimmed : trimmed[..slash]).ToString();
        return CameraId.IsValid(first);
    }

    /// <summary>
    /// The media path a token must cover: <c>camera</c> or <c>camera/stream</c> from the route values when the route
    /// has them, else the whole request path (a token scope is a prefix of it, compared segment by segment).
    /// </summary>
    public static string PathOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.GetRouteData().Values;
        if (values.TryGetValue("camera", out var camera) && camera is string cameraId && cameraId.Length > 0)
        {
            return values.TryGetValue("stream", out var stream) && stream is string streamName && streamName.Length > 0
                ? cameraId + "/" + streamName
                : cameraId;
        }

        return (context.Request.Path.Value ?? string.Empty).TrimStart('/');
    }
}
