using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Media.Rtsp;
using Nightjar.Recording.Access;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Security.Support;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Security;

/// <summary>
/// RTSP access with API keys (Basic password), playback tokens (<c>?token=</c> or Basic password) and loopback
/// publishers; plus one end-to-end check through the real relay over TCP.
/// </summary>
public sealed class NightjarRtspAuthenticatorTests : IAsyncLifetime, IDisposable
{
    private const string AdminKey = "rtsp-test-admin-key-0001";

    private readonly ManualTimeProvider _time = new();
    private readonly TestMeterFactory _meters = new();
    private TestJournal _journal = null!;
    private ApiKeyStore _store = null!;
    private PlaybackTokenService _tokens = null!;
    private NightjarRtspAuthenticator _authenticator = null!;
    private string _viewerKey = null!;
    private string _operatorKey = null!;
    private string _revokedKey = null!;

    public async Task InitializeAsync()
    {
        _journal = await TestJournal.CreateAsync();
        _store = new ApiKeyStore(_journal.Journal, _time, NullLogger<ApiKeyStore>.Instance);
        await _store.BootstrapAsync(AdminKey, CancellationToken.None);
        _viewerKey = (await _store.CreateAsync("v", "viewer", CancellationToken.None)).GetValueOrThrow().Key;
        _operatorKey = (await _store.CreateAsync("o", "operator", CancellationToken.None)).GetValueOrThrow().Key;
        var revoked = (await _store.CreateAsync("r", "viewer", CancellationToken.None)).GetValueOrThrow();
        await _store.RevokeAsync(revoked.Id, CancellationToken.None);
        _revokedKey = revoked.Key;
        _tokens = new PlaybackTokenService(new byte[32], _time);
        _authenticator = new NightjarRtspAuthenticator(_store, _tokens, new SecurityMetrics(_meters), NullLogger<NightjarRtspAuthenticator>.Instance);
    }

    public async Task DisposeAsync() => await _journal.DisposeAsync();

    public void Dispose()
    {
        _store?.Dispose();
        _meters.Dispose();
    }

    [Theory]
    [InlineData("viewer", RtspAuthResult.Allowed)]
    [InlineData("operator", RtspAuthResult.Allowed)]
    [InlineData("admin", RtspAuthResult.Allowed)]
    [InlineData("revoked", RtspAuthResult.Unauthorized)]
    [InlineData("wrong", RtspAuthResult.Unauthorized)]
    [InlineData("none", RtspAuthResult.Unauthorized)]
    public void Read_WithAKeyAsBasicPassword_FollowsTheKey(string key, RtspAuthResult expected)
    {
        var password = key switch
        {
            "viewer" => _viewerKey,
            "operator" => _operatorKey,
            "admin" => AdminKey,
            "revoked" => _revokedKey,
            "wrong" => "nj_0123456789abcdef_" + new string('x', 43),
            _ => null,
        };

        var result = _authenticator.Decide(Read("lobby/main", basicPassword: password));

        result.Should().Be(expected);
    }

    [Fact]
    public void Read_WithAToken_OpensOnlyItsScopeUntilItExpires()
    {
        var token = _tokens.Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(1));

        _authenticator.Decide(Read("lobby", token: token)).Should().Be(RtspAuthResult.Allowed);
        _authenticator.Decide(Read("lobby/sub", token: token)).Should().Be(RtspAuthResult.Allowed);
        _authenticator.Decide(Read("lobby2", token: token)).Should().Be(RtspAuthResult.Forbidden);
        _authenticator.Decide(Read("lobby", basicPassword: token)).Should().Be(RtspAuthResult.Allowed, "a VMS with only user/password fields may put the token there");
        _time.Advance(TimeSpan.FromMinutes(1));
        _authenticator.Decide(Read("lobby", token: token)).Should().Be(RtspAuthResult.Unauthorized);
    }

    [Fact]
    public void Read_WithAnArchiveOnlyToken_IsForbidden()
    {
        var token = _tokens.Issue("lobby", Permissions.PlayArchive, TimeSpan.FromMinutes(1));

        _authenticator.Decide(Read("lobby", token: token)).Should().Be(RtspAuthResult.Forbidden);
    }

    [Fact]
    public void Read_WithDigest_NeedsAToken()
    {
        var token = _tokens.Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(1));

        _authenticator.Decide(Read("lobby", scheme: RtspAuthScheme.Digest)).Should().Be(RtspAuthResult.Unauthorized, "Digest cannot prove a hashed key");
        _authenticator.Decide(Read("lobby", scheme: RtspAuthScheme.Digest, token: token)).Should().Be(RtspAuthResult.Allowed);
    }

    [Fact]
    public void Publish_OnlyFromLoopbackOrWithAnOperatorKey()
    {
        var token = _tokens.Issue("lobby", Permissions.Playback, TimeSpan.FromMinutes(1));

        _authenticator.Decide(Publish(loopback: true)).Should().Be(RtspAuthResult.Allowed, "the node's own ingest");
        _authenticator.Decide(Publish(loopback: false)).Should().Be(RtspAuthResult.Unauthorized);
        _authenticator.Decide(Publish(loopback: false, basicPassword: _operatorKey)).Should().Be(RtspAuthResult.Allowed);
        _authenticator.Decide(Publish(loopback: false, basicPassword: AdminKey)).Should().Be(RtspAuthResult.Allowed);
        _authenticator.Decide(Publish(loopback: false, basicPassword: _viewerKey)).Should().Be(RtspAuthResult.Forbidden);
        _authenticator.Decide(Publish(loopback: false, token: token)).Should().Be(RtspAuthResult.Unauthorized, "tokens only play");
    }

    [Fact]
    public void Attempt_NeverPrintsItsSecrets()
    {
        var attempt = Read("lobby", basicPassword: _viewerKey, token: "some-token-value");

        attempt.ToString().Should().NotContain(_viewerKey).And.NotContain("some-token-value").And.Contain("lobby");
    }

    [Fact]
    public async Task RealRelay_LetsAKeyOrTokenThroughAndChallengesTheRest()
    {
        await using var server = new RtspServer(new RtspServerOptions { BindAddress = "127.0.0.1", Port = 0, EnableUdp = false }, _authenticator, timeProvider: TimeProvider.System);
        await server.StartAsync(CancellationToken.None);
        var port = server.LocalEndPoint.Port;
        var token = _tokens.Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(1));
        var other = _tokens.Issue("lobby2", Permissions.PlayLive, TimeSpan.FromMinutes(1));

        // Authenticated but nothing is published: 404. Not authenticated: 401 with challenges. Wrong camera: 403.
        (await DescribeAsync(port, "lobby", basic: "any:" + _viewerKey)).Should().StartWith("RTSP/1.0 404");
        (await DescribeAsync(port, "lobby?token=" + token)).Should().StartWith("RTSP/1.0 404");
        (await DescribeAsync(port, "lobby?token=" + other)).Should().StartWith("RTSP/1.0 403");
        var anonymous = await DescribeAsync(port, "lobby");
        anonymous.Should().StartWith("RTSP/1.0 401").And.Contain("WWW-Authenticate: Basic");
        (await DescribeAsync(port, "lobby", basic: "any:" + _revokedKey)).Should().StartWith("RTSP/1.0 401");
    }

    private static RtspAuthAttempt Read(string path, string? basicPassword = null, string? token = null, RtspAuthScheme? scheme = null) =>
        new(path, RtspAccess.Read, IsLoopback: false, token, scheme ?? (basicPassword is null ? null : RtspAuthScheme.Basic), basicPassword);

    private static RtspAuthAttempt Publish(bool loopback, string? basicPassword = null, string? token = null) =>
        new("lobby", RtspAccess.Publish, loopback, token, basicPassword is null ? null : RtspAuthScheme.Basic, basicPassword);

    private static async Task<string> DescribeAsync(int port, string pathAndQuery, string? basic = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(10));
        var stream = client.GetStream();
        var request = new StringBuilder()
            .Append("DESCRIBE rtsp://127.0.0.1:").Append(port).Append('/').Append(pathAndQuery).Append(" RTSP/1.0\r\n")
            .Append("CSeq: 1\r\nAccept: application/sdp\r\n");
        if (basic is not null)
        {
            request.Append("Authorization: Basic ").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(basic))).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = new StringBuilder();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await reader.ReadLineAsync(deadline.Token) is { Length: > 0 } line)
        {
            response.Append(line).Append('\n');
        }

        return response.ToString();
    }

    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
