using System.Buffers;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using Nightjar.Recording.Devices.Multipart;

namespace Nightjar.Recording.Devices.Hikvision;

internal sealed partial class HikvisionEventSource
{
    private const int MaxErrorLength = 300;

    /// <summary>One connection, from the request to its end. Throws only when the source is stopping.</summary>
    private async Task<ConnectionEnd> RunConnectionAsync(CancellationToken cancellationToken)
    {
        using var watchdog = new SilenceWatchdog(_time, _options.SilenceTimeout, cancellationToken);
        var healthy = new StrongBox<bool>();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _endpoint.AlertStreamUri);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, watchdog.Token);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return new ConnectionEnd(false, true, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}: the device rejected the credentials"));
            }

            if (!response.IsSuccessStatusCode)
            {
                return new ConnectionEnd(false, false, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} from the alert stream"));
            }

            if (DeviceHttp.BoundaryOf(response.Content.Headers) is not { } boundary)
            {
                return new ConnectionEnd(false, false, "the alert stream is not multipart with a boundary");
            }

            await using var body = await response.Content.ReadAsStreamAsync(watchdog.Token);
            OnConnected();
            try
            {
                return await ReadStreamAsync(body, boundary, watchdog, healthy, cancellationToken);
            }
            finally
            {
                _metrics.Disconnected();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && watchdog.Fired)
        {
            return new ConnectionEnd(healthy.Value, false, string.Create(
                CultureInfo.InvariantCulture,
                $"no data from the device for {_options.SilenceTimeout.TotalSeconds:0.#} s"));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return new ConnectionEnd(healthy.Value, false, Describe(ex));
        }
    }

    private async Task<ConnectionEnd> ReadStreamAsync(
        Stream body,
        string boundary,
        SilenceWatchdog watchdog,
        StrongBox<bool> healthy,
        CancellationToken cancellationToken)
    {
        var decoder = new AlertStreamDecoder();
        var parser = new MultipartStreamParser(boundary, _options.ToLimits(_endpoint.KeepImages), decoder);
        var errorsLogged = new HashSet<ParseErrorKind>();
        var buffer = ArrayPool<byte>.Shared.Rent(_options.ReadBufferBytes);
        try
        {
            while (true)
            {
                watchdog.Reset();
                var read = await body.ReadAsync(buffer.AsMemory(0, _options.ReadBufferBytes), watchdog.Token);
                if (read == 0)
                {
                    parser.Complete();
                }
                else
                {
                    MarkData();
                    parser.Feed(buffer.AsSpan(0, read));
                }

                if (decoder.Items.Count > 0)
                {
                    // Delivery waits on the signal pipeline, not on the device: that time is not device silence.
                    watchdog.Pause();
                    healthy.Value |= await HandleItemsAsync(decoder.Items, errorsLogged, cancellationToken);
                    decoder.Clear();
                }

                if (read == 0)
                {
                    return new ConnectionEnd(healthy.Value, false, "the device closed the alert stream");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnConnected()
    {
        _metrics.Connected();
        SetState(EventSourceState.Connected, null, null);
        var cameras = 0;
        foreach (var channel in Volatile.Read(ref _channels).Values)
        {
            cameras += channel.Length;
        }

        LogConnected(_logger, _endpoint.DisplayUrl, cameras);
    }

    private static string Describe(Exception exception)
    {
        var message = exception switch
        {
            HttpRequestException { InnerException: AuthenticationException } =>
                "TLS handshake failed: the device certificate is not trusted (acceptSelfSignedCertificate allows a self-signed one)",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the device host name does not resolve",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } http => "cannot connect: " + http.Message,
            IOException io => "the connection broke: " + io.Message,
            HttpRequestException { InnerException: IOException io } => "the connection broke: " + io.Message,
            _ => exception.Message,
        };

        // The device URL carries no user info (validated), so messages hold no password; keep them short anyway.
        return message.Length > MaxErrorLength ? message[..MaxErrorLength] : message;
    }
}
