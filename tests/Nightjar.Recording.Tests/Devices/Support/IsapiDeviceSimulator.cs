using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Channels;

namespace Nightjar.Recording.Tests.Devices.Support;

/// <summary>
/// A Hikvision device as far as the alert stream goes: a real HTTP/1.1 server on 127.0.0.1 (raw sockets, so a test
/// controls every byte, and can break the stream the way real devices do) that answers
/// <c>GET /ISAPI/Event/notification/alertStream</c> with a Digest (RFC 7616, MD5, qop=auth) or Basic challenge,
/// checks the answer like the device would, then streams whatever the test writes through
/// <see cref="AlertStreamConnection"/>. Optional TLS with a given certificate.
/// </summary>
internal sealed class IsapiDeviceSimulator : IAsyncDisposable
{
    public const string Realm = "IP Camera(C12345)";
    public const string Boundary = "boundary";
    private const string AlertStreamPath = "/ISAPI/Event/notification/alertStream";

    private readonly TcpListener _listener;
    private readonly string _username;
    private readonly string _password;
    private readonly SimulatorAuth _auth;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<AlertStreamConnection> _streams = Channel.CreateUnbounded<AlertStreamConnection>();
    private readonly ConcurrentDictionary<string, byte> _nonces = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly Task _accepting;
    private int _challenges;
    private int _rejected;
    private int _streamsOpened;

    public IsapiDeviceSimulator(string username, string password, SimulatorAuth auth = SimulatorAuth.Digest, X509Certificate2? certificate = null)
    {
        _username = username;
        _password = password;
        _auth = auth;
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string BaseUrl => string.Create(CultureInfo.InvariantCulture, $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}");

    /// <summary>401 answers to requests without credentials (the normal first leg of Digest).</summary>
    public int Challenges => Volatile.Read(ref _challenges);

    /// <summary>401 answers to requests whose credentials were wrong.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Alert streams opened (authorized 200 answers).</summary>
    public int StreamsOpened => Volatile.Read(ref _streamsOpened);

    /// <summary>Content type of the 200 answer.</summary>
    public string ContentType { get; set; } = "multipart/mixed; boundary=" + Boundary;

    /// <summary>The next alert stream a client opens, or a timeout.</summary>
    public async Task<AlertStreamConnection> NextStreamAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            return await _streams.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No alert stream was opened within {deadline.TotalSeconds:F0} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            Stream stream = client.GetStream();
            if (_certificate is not null)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsServerAsync(_certificate, clientCertificateRequired: false, checkCertificateRevocation: false);
                stream = tls;
            }

            // Keep-alive: the client sends the unauthenticated request, gets the challenge, answers on the same connection.
            while (!_stop.IsCancellationRequested)
            {
                var request = await HttpRequestHead.ReadAsync(stream, _stop.Token);
                if (request is null)
                {
                    break;
                }

                if (!string.Equals(request.Path, AlertStreamPath, StringComparison.Ordinal))
                {
                    await WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                    continue;
                }

                var authorization = request.Header("Authorization");
                if (!IsAuthorized(request.Method, authorization))
                {
                    if (authorization is null)
                    {
                        Interlocked.Increment(ref _challenges);
                    }
                    else
                    {
                        Interlocked.Increment(ref _rejected);
                    }

                    await WriteAsync(stream, "HTTP/1.1 401 Unauthorized\r\n" + Challenge() + "Content-Type: text/plain\r\nContent-Length: 12\r\n\r\nUnauthorized");
                    continue;
                }

                Interlocked.Increment(ref _streamsOpened);
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nMIME-Version: 1.0\r\nConnection: close\r\nContent-Type: " + ContentType + "\r\n\r\n");
                await _streams.Writer.WriteAsync(new AlertStreamConnection(client, stream));
                return;
            }

            client.Dispose();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            client.Dispose();
        }
    }

    private string Challenge()
    {
        if (_auth == SimulatorAuth.Basic)
        {
            return $"WWW-Authenticate: Basic realm=\"{Realm}\"\r\n";
        }

        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _nonces[nonce] = 0;
        // The shape Hikvision firmware sends (no algorithm parameter: MD5 implied).
        return $"WWW-Authenticate: Digest qop=\"auth\", realm=\"{Realm}\", nonce=\"{nonce}\", stale=\"FALSE\"\r\n";
    }

    private bool IsAuthorized(string method, string? authorization)
    {
        if (authorization is null)
        {
            return false;
        }

        if (_auth == SimulatorAuth.Basic)
        {
            var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(_username + ":" + _password));
            return string.Equals(authorization, "Basic " + expected, StringComparison.Ordinal);
        }

        if (!authorization.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var fields = DigestFields.Parse(authorization["Digest ".Length..]);
        string? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;
        if (Get("username") != _username || Get("realm") != Realm || Get("nonce") is not { } nonce || !_nonces.ContainsKey(nonce)
            || Get("uri") is not { } uri || Get("response") is not { } response)
        {
            return false;
        }

        var ha1 = Md5($"{_username}:{Realm}:{_password}");
        var ha2 = Md5($"{method}:{uri}");
        var expectedResponse = Get("qop") is "auth"
            ? Md5($"{ha1}:{nonce}:{Get("nc")}:{Get("cnonce")}:auth:{ha2}")
            : Md5($"{ha1}:{nonce}:{ha2}");
        return string.Equals(response, expectedResponse, StringComparison.OrdinalIgnoreCase);
    }

    private static string Md5(string text) =>
#pragma warning disable CA5351 // RFC 7616 Digest with MD5 is what the simulated devices speak.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
