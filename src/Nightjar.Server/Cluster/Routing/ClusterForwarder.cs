using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Nightjar.Recording.Access;
using Nightjar.Server.Playback;
using Nightjar.Server.Security;

namespace Nightjar.Server.Cluster.Routing;

/// <summary>
/// Passes one request to another node and streams its answer back: method, path and query, the headers a player
/// or client needs (<c>Range</c>, conditionals, <c>Accept</c>, the body of a write), with the caller's credentials
/// replaced by the cluster key and the caller's role. Bodies are copied as they arrive, never buffered (chunks are
/// megabytes). An owner that cannot be reached is a 503 with <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// One <see cref="SocketsHttpHandler"/> for the node's lifetime: pooled connections to the few other nodes, no
/// proxy, no cookies, no redirects followed, no decompression (bytes pass through as the owner sent them).
/// </remarks>
internal sealed partial class ClusterForwarder : IDisposable
{
    private const int CopyBufferBytes = 64 * 1024;

    private static readonly string[] ForwardedRequestHeaders = ["Range", "If-Range", "If-None-Match", "If-Modified-Since", "Accept", "User-Agent"];

    private static readonly HashSet<string> ReturnedResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Range", "Content-Disposition", "Accept-Ranges", "ETag", "Last-Modified",
        "Cache-Control", "Expires", "Retry-After", "Location", "WWW-Authenticate",
    };

    private readonly ClusterKey _key;
    private readonly IClusterDirectory _directory;
    private readonly ClusterRoutingMetrics _metrics;
    private readonly ClusterForwarderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClusterForwarder> _logger;
    private readonly HttpMessageInvoker _client;

    public ClusterForwarder(
        ClusterKey key,
        IClusterDirectory directory,
        ClusterRoutingMetrics metrics,
        IOptions<ClusterForwarderOptions> options,
        TimeProvider time,
        ILogger<ClusterForwarder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = key;
        _directory = directory;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _client = new HttpMessageInvoker(
            new SocketsHttpHandler
            {
                ConnectTimeout = _options.ConnectTimeout,
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            },
            disposeHandler: true);
    }

    /// <summary>The <c>Retry-After</c> seconds of an owner that cannot be reached.</summary>
    public int RetryAfterSeconds => _options.RetryAfterSeconds;

    /// <summary>Sends the current request to <paramref name="target"/> and writes its answer as this request's answer.</summary>
    public async Task ForwardAsync(HttpContext http, ClusterNodeAddress target, string kind)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        var started = _time.GetTimestamp();
        if (_key.Value is not { } key)
        {
            LogNoClusterKey(_logger, target.NodeId, http.Request.Path.Value);
            _metrics.Forwarded(kind, ForwardOutcomes.NoKey);
            await WriteUnreachableAsync(http, target, "this node has no cluster key to call it with");
            return;
        }

        using var request = CreateRequest(http, target, key);
        HttpResponseMessage response;
        using (var headersTimeout = new CancellationTokenSource(_options.ResponseHeadersTimeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, headersTimeout.Token))
        {
            try
            {
                response = await _client.SendAsync(request, linked.Token);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                _metrics.Forwarded(kind, ForwardOutcomes.Aborted, _time.GetElapsedTime(started));
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                var reason = ex is OperationCanceledException ? "no answer in time" : ex.GetType().Name;
                LogOwnerUnreachable(_logger, target.NodeId, kind, http.Request.Path.Value, reason);
                _metrics.Forwarded(kind, ForwardOutcomes.Unreachable, _time.GetElapsedTime(started));
                await WriteUnreachableAsync(http, target, ex is OperationCanceledException ? "it did not answer in time" : "it could not be reached");
                return;
            }
        }

        using (response)
        {
            var outcome = await CopyResponseAsync(http, response, target, kind);
            _metrics.Forwarded(kind, outcome, _time.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Copies bytes <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="length"/> of a recording file
    /// <paramref name="target"/> holds (its <c>/f/</c> URL path) into <paramref name="destination"/>, asked with
    /// <paramref name="role"/>: a part of an export this node makes.
    /// </summary>
    /// <exception cref="RemoteSpanException">No cluster key, the node cannot be reached, answers other than 206, or sends fewer bytes.</exception>
    public async Task CopyRangeAsync(ClusterNodeAddress target, string path, long offset, long length, string role, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(destination);
        var started = _time.GetTimestamp();
        var key = _key.Value ?? throw new RemoteSpanException($"This node has no cluster key to fetch {path} from node '{target.NodeId}' with.");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target.HttpUrl, path));
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(offset, offset + length - 1);
        request.Headers.TryAddWithoutValidation(ClusterKeyHeaders.Key, key);
        request.Headers.TryAddWithoutValidation(ClusterKeyHeaders.ForwardedRole, role);
        request.Headers.TryAddWithoutValidation(ClusterKeyHeaders.ForwardedBy, _directory.LocalNodeId);
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.PartialContent)
            {
                throw new RemoteSpanException($"Node '{target.NodeId}' answered {(int)response.StatusCode} for bytes {offset}-{offset + length - 1} of {path}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[CopyBufferBytes];
            var left = length;
            while (left > 0)
            {
                var read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
                if (read == 0)
                {
                    throw new RemoteSpanException($"Node '{target.NodeId}' sent {length - left} of {length} bytes of {path}.");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                left -= read;
            }

            _metrics.Forwarded(ForwardKinds.Chunk, ForwardOutcomes.Ok, _time.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is HttpRequestException or (IOException and not RemoteSpanException))
        {
            // A reset mid-body too: the export must fail, not end short.
            _metrics.Forwarded(ForwardKinds.Chunk, ForwardOutcomes.Unreachable, _time.GetElapsedTime(started));
            throw new RemoteSpanException($"Node '{target.NodeId}' could not be reached for {path}: {ex.Message}", ex);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// The role to act with on the owner: the caller's own, or for a playback token (permissions, no role) the lowest
    /// role holding all of its permissions. Either way the owner only runs this same request, which this node has
    /// already authorized for the caller.
    /// </summary>
    internal static string ForwardedRoleOf(ClaimsPrincipal user)
    {
        if (user.FindFirst(ClaimTypes.Role)?.Value is { } name && Roles.TryParse(name, out _))
        {
            return name;
        }

        var permissions = NightjarClaims.GetPermissions(user);
        foreach (var role in new[] { Role.Viewer, Role.Operator, Role.Admin })
        {
            if (role.Has(permissions))
            {
                return Roles.NameOf(role);
            }
        }

        return Roles.NameOf(Role.Viewer);
    }

    private HttpRequestMessage CreateRequest(HttpContext http, ClusterNodeAddress target, string key)
    {
        var incoming = http.Request;
        var uri = new Uri(target.HttpUrl, incoming.Path.ToUriComponent() + incoming.QueryString.ToUriComponent());
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), uri);
        foreach (var name in ForwardedRequestHeaders)
        {
            if (incoming.Headers.TryGetValue(name, out var values))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        // The caller's Authorization or ?token= was checked here; the owner trusts the cluster key and the role instead.
        request.Headers.TryAddWithoutValidation(ClusterKeyHeaders.Key, key);
        request.Headers.TryAddWithoutValidation(ClusterKeyHeaders.ForwardedRole, ForwardedRoleOf(http.User));
        request.Headers.TryAddWithoutValidation(ClusterKeyHeaders.ForwardedBy, _directory.LocalNodeId);

        if (HasBody(incoming))
        {
            var content = new StreamContent(incoming.Body, CopyBufferBytes);
            if (incoming.ContentType is { } contentType)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            if (incoming.ContentLength is { } length)
            {
                content.Headers.ContentLength = length;
            }

            request.Content = content;
        }

        return request;
    }

    private async Task<string> CopyResponseAsync(HttpContext http, HttpResponseMessage response, ClusterNodeAddress target, string kind)
    {
        var answer = http.Response;
        answer.StatusCode = (int)response.StatusCode;
        CopyHeaders(response.Headers, answer);
        CopyHeaders(response.Content.Headers, answer);

        // The owner's answer is final, problem body included: the status-code pages must not write a second one.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        if (HttpMethods.IsHead(http.Request.Method) || response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotModified)
        {
            return ForwardOutcomes.Ok;
        }

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(http.RequestAborted);
            await body.CopyToAsync(answer.Body, CopyBufferBytes, http.RequestAborted);
            return ForwardOutcomes.Ok;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            if (!http.RequestAborted.IsCancellationRequested)
            {
                // The owner broke off mid-body: the caller must see a broken response, not a short one that looks whole.
                LogOwnerBrokeOff(_logger, target.NodeId, kind, http.Request.Path.Value, ex.GetType().Name);
                http.Abort();
            }

            return ForwardOutcomes.Aborted;
        }
    }

    private async Task WriteUnreachableAsync(HttpContext http, ClusterNodeAddress target, string why)
    {
        var problem = ClusterProblems.OwnerUnreachable(
            http,
            $"This request is served by node '{target.NodeId}', and {why}. Try again shortly.",
            _options.RetryAfterSeconds);
        await problem.ExecuteAsync(http);
    }

    private static void CopyHeaders(System.Net.Http.Headers.HttpHeaders from, HttpResponse to)
    {
        foreach (var (name, values) in from)
        {
            if (ReturnedResponseHeaders.Contains(name))
            {
                to.Headers[name] = values.ToArray();
            }
        }
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
