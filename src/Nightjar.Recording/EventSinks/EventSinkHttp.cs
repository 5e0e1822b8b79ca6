using System.Net;

namespace Nightjar.Recording.EventSinks;

/// <summary>The HTTP client sinks deliver with.</summary>
public static class EventSinkHttp
{
    /// <summary>
    /// Redirects are never followed (a 3xx is a failed delivery: a redirect could point a signed batch anywhere), no
    /// cookies, no proxy from the environment, connections recycled so DNS changes are seen. Per-request deadlines
    /// come from <see cref="EventSinkOptions.RequestTimeout"/>, so the client's own timeout is off.
    /// </summary>
    public static HttpClient Create(EventSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseDrainSize = 64 * 1024,
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
