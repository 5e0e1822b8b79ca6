using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class GopCacheTests
{
    [Fact]
    public void AddVideo_Keyframe_StartsNewGopWithPrecedingParameterSets()
    {
        var cache = new GopCache(maxPackets: 100, maxBytes: 1_000_000);
        cache.AddVideo(Packet(1, 0), NalFlags.KeyframeStart);
        cache.AddVideo(Packet(2, 3600), NalFlags.None);
        cache.AddOther(Packet(3, 0, track: 1));
        var sps = Packet(4, 7200);
        cache.AddVideo(sps, NalFlags.ParameterSet);

        var started = cache.AddVideo(Packet(5, 7200), NalFlags.KeyframeStart);
        cache.AddVideo(Packet(6, 7200), NalFlags.None);
        cache.AddOther(Packet(7, 160, track: 1));

        started.Should().BeTrue();
        Sequences(cache).Should().Equal(4, 5, 6, 7);
    }

    [Fact]
    public void AddVideo_SecondSliceOfSameKeyframe_DoesNotRestartGop()
    {
        var cache = new GopCache(100, 1_000_000);
        cache.AddVideo(Packet(1, 0), NalFlags.KeyframeStart);

        cache.AddVideo(Packet(2, 0), NalFlags.KeyframeStart).Should().BeFalse();

        Sequences(cache).Should().Equal(1, 2);
    }

    [Fact]
    public void AddOther_BeforeFirstKeyframe_IsNotCached()
    {
        var cache = new GopCache(100, 1_000_000);
        cache.AddOther(Packet(1, 0, track: 1));
        cache.AddVideo(Packet(2, 0), NalFlags.None);

        cache.IsActive.Should().BeFalse();
        cache.Snapshot().Should().BeEmpty();
    }

    [Fact]
    public void Add_BeyondLimit_ForgetsGopUntilNextKeyframe()
    {
        var cache = new GopCache(maxPackets: 3, maxBytes: 1_000_000);
        cache.AddVideo(Packet(1, 0), NalFlags.KeyframeStart);
        cache.AddVideo(Packet(2, 1), NalFlags.None);
        cache.AddVideo(Packet(3, 2), NalFlags.None);
        cache.AddVideo(Packet(4, 3), NalFlags.None);
        var emptyAfterOverflow = cache.Snapshot();
        cache.AddVideo(Packet(5, 4), NalFlags.None);
        cache.AddVideo(Packet(6, 5), NalFlags.KeyframeStart);

        emptyAfterOverflow.Should().BeEmpty("a GOP too long to replay is dropped, not replayed half");
        Sequences(cache).Should().Equal(6);
    }

    [Fact]
    public void Snapshot_HoldsItsOwnReferences_SoClearingTheCacheKeepsThemReadable()
    {
        var cache = new GopCache(100, 1_000_000);
        var packet = Packet(1, 0);
        cache.AddVideo(packet, NalFlags.KeyframeStart);
        packet.Release();

        var snapshot = cache.Snapshot();
        cache.Clear();

        snapshot.Should().ContainSingle().Which.Span.Length.Should().Be(20, "the snapshot's reference keeps the pooled bytes alive");
        snapshot[0].Release();
    }

    private static RtpPacket Packet(int sequence, uint timestamp, int track = 0)
    {
        var packet = RtpPacket.Rent(new byte[20], track, isRtcp: false);
        packet.Sequence = (ushort)sequence;
        packet.Timestamp = timestamp;
        return packet;
    }

    private static int[] Sequences(GopCache cache)
    {
        var snapshot = cache.Snapshot();
        var sequences = snapshot.Select(p => (int)p.Sequence).ToArray();
        foreach (var packet in snapshot)
        {
            packet.Release();
        }

        return sequences;
    }
}
