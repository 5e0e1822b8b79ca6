using Nightjar.Media.Rtsp;
using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

/// <summary>Publishers come, die, come back, compete for a path, and leave, without restarting the relay.</summary>
public sealed class RtspPublisherLifecycleTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Publisher_KilledThenRestarted_ReadersAreDisconnectedAndRedescribeGetsTheNewStream()
    {
        var clip = await TestClips.MotionAsync();
        await using var server = await TestRelay.StartAsync();
        var first = MediaTools.Publish(clip, server.Url("cam"));
        var firstPublication = await server.WaitForPublisherAsync("cam");
        await using var reader = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam");
        await Poll.UntilAsync(() => reader.Packets > 10, Deadline, "the reader receives the first publisher's stream");

        await first.KillAsync();
        await first.DisposeAsync();

        await Poll.UntilAsync(() => reader.Closed, Deadline, "readers are told the path is gone (connection closed)");
        await Poll.UntilAsync(() => server.GetPath("cam") is null, Deadline, "the path has no publisher any more");
        await using (var client = await RtspTestClient.ConnectAsync(server.LocalEndPoint))
        {
            (await client.RequestAsync("DESCRIBE", client.Url("cam"))).Status.Should().Be(404);
        }

        await using var second = MediaTools.Publish(clip, server.Url("cam"));
        var secondPublication = await server.WaitForPublisherAsync("cam");
        await using var again = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam");
        await Poll.UntilAsync(() => again.Packets > 10, Deadline, "a new DESCRIBE/PLAY gets the new stream");
        var probe = await MediaTools.ProbeAsync(server.Url("cam"), "tcp");

        secondPublication.PublishedAt.Should().BeAfter(firstPublication.PublishedAt);
        probe.Codec.Should().Be("h264", probe.Tool.ToString());
        server.SessionCount.Should().Be(2, "the new publisher and the new reader; nothing leaked from the first run");
    }

    [Fact]
    public async Task Announce_OnPathWithLivePublisher_IsRefusedWith455AndFirstKeepsPublishing()
    {
        await using var server = await TestRelay.StartAsync();
        await using var first = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await first.SendFramesAsync(5);
        await server.WaitForPublisherAsync("cam");

        await using var second = await RtspTestClient.ConnectAsync(server.LocalEndPoint);
        var announce = await second.RequestAsync("ANNOUNCE", second.Url("cam"), null, SyntheticPublisher.Sdp);

        announce.Status.Should().Be(455);
        announce.Reason.Should().Be("Path Already Has A Publisher");
        await first.SendFramesAsync(5);
        await WaitForPacketsAsync(server, 10 * 4 + 1, "one STAP-A (SPS/PPS) and 10 frames of 4 fragments from the first publisher");
    }

    [Fact]
    public async Task Announce_WithOverridePublisher_ReplacesLivePublisherAndDisconnectsItsReaders()
    {
        await using var server = await TestRelay.StartAsync(o => o.OverridePublisher = true);
        await using var first = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await first.SendFramesAsync(5);
        await using var reader = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam");

        await using var second = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await second.SendFramesAsync(2);

        second.Record.Status.Should().Be(200);
        await Poll.UntilAsync(() => reader.Closed, Deadline, "readers of the replaced publication are disconnected");
        var frame = await ReadFrameOrNullAsync(first.Client);
        frame.Should().BeNull("the replaced publisher's connection is closed");
        await WaitForPacketsAsync(server, 2 * 4 + 1, "the new publication counts only the new publisher's packets");
    }

    [Fact]
    public async Task Announce_AfterPublisherWentSilent_ReplacesStalePublisher()
    {
        await using var server = await TestRelay.StartAsync(o => o.PublisherTimeout = TimeSpan.FromSeconds(1));
        await using var first = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await first.SendFramesAsync(1);

        // The silent publisher is either replaced at RECORD (stale) or already dropped by the timeout sweep.
        await using var second = await Poll.UntilResultAsync(() => TryPublishAsync(server), Deadline, "a new publisher takes over a silent path");
        await second.SendFramesAsync(3);

        (await ReadFrameOrNullAsync(first.Client)).Should().BeNull("the stale publisher is disconnected");
        await WaitForPacketsAsync(server, 3 * 4 + 1, "the new publication counts only the new publisher's packets");
    }

    [Fact]
    public async Task Teardown_ByPublisher_EndsPathAndItsSessions()
    {
        await using var server = await TestRelay.StartAsync();
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await publisher.SendFramesAsync(3);
        await using var reader = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam");

        var teardown = await publisher.Client.RequestAsync("TEARDOWN", publisher.Client.Url("cam"), [("Session", publisher.Record.SessionId!)]);

        teardown.Status.Should().Be(200);
        server.GetPath("cam").Should().BeNull();
        await Poll.UntilAsync(() => reader.Closed && server.SessionCount == 0, Deadline, "the reader session ends with the publication");
    }

    private static Task WaitForPacketsAsync(RtspServer server, long count, string because) =>
        Poll.UntilAsync(() => server.GetPath("cam")?.PacketsReceived == count, Deadline, because);

    private static async Task<SyntheticPublisher?> TryPublishAsync(RtspServer server)
    {
        try
        {
            return await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<(int Channel, byte[] Payload)?> ReadFrameOrNullAsync(RtspTestClient client)
    {
        using var cts = new CancellationTokenSource(Deadline);
        return await client.ReadFrameAsync(cts.Token);
    }
}
