using System.Text;
using Nightjar.Media.Rtsp;
using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

/// <summary>Basic, Digest and token authentication for readers and publishers; nothing is relayed to the unauthenticated.</summary>
public sealed class RtspAuthTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Ffprobe_WithDigestCredentials_ReadsStreamPublishedWithDigest()
    {
        var clip = await TestClips.MotionAsync();
        var logs = new CapturingLoggerFactory();
        await using var server = await TestRelay.StartAsync(o => o.AllowBasicAuth = false, Users(), logs);
        await using var publisher = MediaTools.Publish(clip, server.Url("cam", "cam:campass"));
        await server.WaitForPublisherAsync("cam");

        var probe = await MediaTools.ProbeAsync(server.Url("cam", "viewer:secret"), "tcp");

        probe.Tool.ExitCode.Should().Be(0, probe.Tool.ToString());
        probe.Codec.Should().Be("h264");
        (probe.Width, probe.Height).Should().Be((1280, 720));
        logs.Entries.Should().NotContain(e => e.Message.Contains("secret", StringComparison.Ordinal) || e.Message.Contains("campass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ffprobe_WithWrongPassword_GetsUnauthorizedAndFailureIsCounted()
    {
        await using var server = await TestRelay.StartAsync(authenticator: Users(), configure: o => o.TrustLoopbackPublishers = true);
        using var metrics = new MetricCollector(server.Meter);
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");

        var probe = await MediaTools.ProbeAsync(server.Url("cam", "viewer:wrong"), "tcp");

        probe.Tool.ExitCode.Should().NotBe(0);
        probe.Tool.Stderr.Should().Contain("401");
        metrics.Value("nightjar.rtsp.auth.failures", "access=read").Should().BeGreaterThan(0);
        server.GetPath("cam")!.ReaderCount.Should().Be(0);
    }

    [Fact]
    public async Task UnauthenticatedClient_GetsChallengesAndNoMedia()
    {
        await using var server = await TestRelay.StartAsync(authenticator: Users(), configure: o => o.TrustLoopbackPublishers = true);
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await publisher.SendFramesAsync(5);
        await using var legitimate = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam", headers: [("Authorization", Basic("viewer", "secret"))]);
        await using var intruder = await RtspTestClient.ConnectAsync(server.LocalEndPoint);
        var url = intruder.Url("cam");

        var describe = await intruder.RequestAsync("DESCRIBE", url);
        var describeUnknown = await intruder.RequestAsync("DESCRIBE", intruder.Url("no-such-path"));
        var setup = await intruder.RequestAsync("SETUP", url + "/trackID=0", [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")]);
        var stolen = legitimate.Play.SessionId!;
        var play = await intruder.RequestAsync("PLAY", url, [("Session", stolen)]);
        await publisher.SendFramesAsync(25);
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var leak = async () => await intruder.ReadFrameAsync(quiet.Token);

        describe.Status.Should().Be(401);
        describe.All("WWW-Authenticate").Should().HaveCount(2)
            .And.Contain(h => h.StartsWith("Digest realm=\"Nightjar\", nonce=\"", StringComparison.Ordinal))
            .And.Contain("Basic realm=\"Nightjar\"");
        describe.Body.Should().BeEmpty("no SDP leaks before authentication");
        describeUnknown.Status.Should().Be(401, "unknown paths are not revealed to unauthenticated clients");
        setup.Status.Should().Be(401);
        play.Status.Should().Be(454, "a session of another connection cannot be hijacked");
        await leak.Should().ThrowAsync<OperationCanceledException>("not a single RTP packet reaches the unauthenticated connection");
        intruder.FramesSkipped.Should().Be(0);
        legitimate.Packets.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task RawDigest_WithExpiredNonce_GetsStaleChallengeThenSucceedsWithFreshNonce()
    {
        var time = new ManualTimeProvider();
        await using var server = await TestRelay.StartAsync(
            o =>
            {
                o.TrustLoopbackPublishers = true;
                o.NonceLifetime = TimeSpan.FromSeconds(10);
                o.PublisherTimeout = TimeSpan.FromHours(1);
            },
            Users(),
            timeProvider: time);
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await using var client = await RtspTestClient.ConnectAsync(server.LocalEndPoint);
        var url = client.Url("cam");
        var challenge = await client.RequestAsync("DESCRIBE", url);
        var nonce = Nonce(challenge);

        time.Advance(TimeSpan.FromSeconds(11));
        var stale = await client.RequestAsync("DESCRIBE", url, [("Authorization", Digest("viewer", "secret", nonce, "DESCRIBE", url))]);
        var fresh = await client.RequestAsync("DESCRIBE", url, [("Authorization", Digest("viewer", "secret", Nonce(stale), "DESCRIBE", url))]);

        stale.Status.Should().Be(401);
        stale.All("WWW-Authenticate").Should().Contain(h => h.EndsWith(", stale=TRUE", StringComparison.Ordinal));
        fresh.Status.Should().Be(200);
        fresh.Header("Content-Type").Should().Be("application/sdp");
    }

    [Fact]
    public async Task TokenQuery_GrantsReadingToTheConnection_AndWorksWithFfprobe()
    {
        var authenticator = new TokenOrUserAuthenticator("tok-123", "cam", UserOptions());
        await using var server = await TestRelay.StartAsync(o => o.TrustLoopbackPublishers = true, authenticator);
        var clip = await TestClips.MotionAsync();
        await using var publisher = MediaTools.Publish(clip, server.Url("cam"));
        await server.WaitForPublisherAsync("cam");
        await using var client = await RtspTestClient.ConnectAsync(server.LocalEndPoint);

        var wrong = await client.RequestAsync("DESCRIBE", client.Url("cam?token=nope"));
        var right = await client.RequestAsync("DESCRIBE", client.Url("cam?token=tok-123"));
        var setup = await client.RequestAsync("SETUP", client.Url("cam/trackID=0"), [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")]);
        var probe = await MediaTools.ProbeAsync(server.Url("cam?token=tok-123"), "tcp");

        wrong.Status.Should().Be(401);
        right.Status.Should().Be(200);
        right.Header("Content-Base").Should().Be(client.Url("cam/"), "the token stays out of the URLs we hand back");
        setup.Status.Should().Be(200, "the token on DESCRIBE granted the connection");
        probe.Tool.ExitCode.Should().Be(0, probe.Tool.ToString());
        probe.Codec.Should().Be("h264");
        authenticator.Requests.Should().Contain(r => r.Token == "tok-123" && r.Path == "cam" && r.Access == RtspAccess.Read);
    }

    [Fact]
    public async Task Publisher_WithoutCredentials_IsRejectedUnlessLoopbackIsTrusted()
    {
        await using var strict = await TestRelay.StartAsync(authenticator: Users());
        await using var trusting = await TestRelay.StartAsync(o => o.TrustLoopbackPublishers = true, Users());

        var refused = async () => await SyntheticPublisher.StartAsync(strict.LocalEndPoint, "cam");
        await using var accepted = await SyntheticPublisher.StartAsync(trusting.LocalEndPoint, "cam");
        await using var withUser = await SyntheticPublisher.StartAsync(strict.LocalEndPoint, "cam", [("Authorization", Basic("cam", "campass"))]);
        await using var viewer = await RtspTestClient.ConnectAsync(strict.LocalEndPoint);
        var viewerAnnounce = await viewer.RequestAsync("ANNOUNCE", viewer.Url("other"), [("Authorization", Basic("viewer", "secret"))], SyntheticPublisher.Sdp);

        (await refused.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("401");
        accepted.Record.Status.Should().Be(200);
        withUser.Record.Status.Should().Be(200);
        viewerAnnounce.Status.Should().Be(403, "a valid user without the publish permission is forbidden, not challenged");
    }

    [Fact]
    public async Task RepeatedBadCredentials_CloseTheConnection()
    {
        await using var server = await TestRelay.StartAsync(o => o.MaxAuthFailuresPerConnection = 3, Users());
        await using var client = await RtspTestClient.ConnectAsync(server.LocalEndPoint);

        var answers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await client.RequestAsync("DESCRIBE", client.Url("cam"), [("Authorization", Basic("viewer", "guess" + i))])).Status);
        }

        using var cts = new CancellationTokenSource(Deadline);
        answers.Should().Equal(401, 401, 401);
        (await client.ReadFrameAsync(cts.Token)).Should().BeNull("the server hangs up after the third failure");
    }

    private static ConfiguredRtspAuthenticator Users() => new(UserOptions());

    private static RtspAuthOptions UserOptions()
    {
        var options = new RtspAuthOptions();
        options.Users.Add(new RtspUser { Name = "viewer", Password = "secret", Permissions = RtspPermissions.Read });
        options.Users.Add(new RtspUser { Name = "cam", Password = "campass", Permissions = RtspPermissions.Publish });
        return options;
    }

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static string Nonce(RtspTestResponse response)
    {
        var digest = response.All("WWW-Authenticate").Single(h => h.StartsWith("Digest", StringComparison.Ordinal));
        var start = digest.IndexOf("nonce=\"", StringComparison.Ordinal) + 7;
        return digest[start..digest.IndexOf('"', start)];
    }

    /// <summary>RFC 2069-style Digest computed independently of the server's code.</summary>
    private static string Digest(string user, string password, string nonce, string method, string uri)
    {
#pragma warning disable CA5351 // Digest is MD5 by definition.
        static string Md5(string s) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(s)));
#pragma warning restore CA5351
        var response = Md5($"{Md5($"{user}:Nightjar:{password}")}:{nonce}:{Md5($"{method}:{uri}")}");
        return $"Digest username=\"{user}\", realm=\"Nightjar\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\"";
    }
}
