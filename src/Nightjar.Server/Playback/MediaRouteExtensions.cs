namespace Nightjar.Server.Playback;

/// <summary>Maps a media GET together with its CORS preflight on the same pattern.</summary>
internal static class MediaRouteExtensions
{
    /// <summary>
    /// GET <paramref name="pattern"/> plus an <c>OPTIONS</c> answer for browsers. The preflight is per pattern, not
    /// a catch-all, so an unknown path stays a 404 instead of becoming a 405.
    /// </summary>
    /// <param name="media">The group.</param>
    /// <param name="pattern">The route below the group.</param>
    /// <param name="handler">The GET handler.</param>
    /// <param name="head">Also answer HEAD (the headers without the body): only where the answer costs no work to make.</param>
    public static RouteHandlerBuilder MapMediaGet(this RouteGroupBuilder media, string pattern, Delegate handler, bool head = false)
    {
        ArgumentNullException.ThrowIfNull(media);
        // Browsers send preflights without credentials: they must not need any.
        media.MapMethods(pattern, [HttpMethods.Options], MediaCors.Preflight).AllowAnonymous();
        return head ? media.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler) : media.MapGet(pattern, handler);
    }
}
