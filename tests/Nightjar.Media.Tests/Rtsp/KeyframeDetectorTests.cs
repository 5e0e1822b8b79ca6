using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class KeyframeDetectorTests
{
    [Theory]
    [InlineData(new byte[] { 0x65, 0x88 }, "KeyframeStart")]            // single NAL, IDR slice
    [InlineData(new byte[] { 0x41, 0x9A }, "None")]                     // single NAL, non-IDR slice
    [InlineData(new byte[] { 0x67, 0x42 }, "ParameterSet")]             // SPS
    [InlineData(new byte[] { 0x68, 0xCE }, "ParameterSet")]             // PPS
    [InlineData(new byte[] { 0x7C, 0x85, 0x00 }, "KeyframeStart")]      // FU-A, start bit, IDR
    [InlineData(new byte[] { 0x7C, 0x05, 0x00 }, "None")]               // FU-A, middle fragment of an IDR
    [InlineData(new byte[] { 0x7C, 0x45, 0x00 }, "None")]               // FU-A, end fragment of an IDR
    [InlineData(new byte[] { 0x5C, 0x81, 0x00 }, "None")]               // FU-A, start of a non-IDR slice
    [InlineData(new byte[] { 0x78, 0, 2, 0x67, 0x42, 0, 2, 0x68, 0xCE }, "ParameterSet")]                   // STAP-A SPS+PPS
    [InlineData(new byte[] { 0x78, 0, 2, 0x67, 0x42, 0, 2, 0x68, 0xCE, 0, 2, 0x65, 0x88 }, "ParameterSet, KeyframeStart")] // STAP-A SPS+PPS+IDR
    [InlineData(new byte[] { 0x78, 0, 9, 0x67 }, "None")]               // STAP-A with a size beyond the packet
    [InlineData(new byte[] { }, "None")]
    public void Classify_H264Payloads_FindsIdrStartsAndParameterSets(byte[] payload, string expected) =>
        KeyframeDetector.Classify(payload, VideoCodec.H264).ToString().Should().Be(expected);

    [Theory]
    [InlineData(new byte[] { 0x26, 0x01, 0xAF }, "KeyframeStart")]      // IDR_W_RADL (19)
    [InlineData(new byte[] { 0x2A, 0x01, 0xAF }, "KeyframeStart")]      // CRA (21)
    [InlineData(new byte[] { 0x02, 0x01, 0xD0 }, "None")]               // TRAIL_R (1)
    [InlineData(new byte[] { 0x40, 0x01, 0x0C }, "ParameterSet")]       // VPS (32)
    [InlineData(new byte[] { 0x62, 0x01, 0x93, 0xAF }, "KeyframeStart")] // FU, start bit, IDR_W_RADL
    [InlineData(new byte[] { 0x62, 0x01, 0x13, 0xAF }, "None")]          // FU, middle fragment
    [InlineData(new byte[] { 0x60, 0x01, 0, 2, 0x40, 0x01, 0, 2, 0x42, 0x01, 0, 2, 0x26, 0x01 }, "ParameterSet, KeyframeStart")] // AP VPS+SPS+IDR
    [InlineData(new byte[] { 0x26 }, "None")]
    public void Classify_H265Payloads_FindsIrapStartsAndParameterSets(byte[] payload, string expected) =>
        KeyframeDetector.Classify(payload, VideoCodec.H265).ToString().Should().Be(expected);

    [Fact]
    public void Classify_RandomPayloads_NeverThrow()
    {
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var payload = new byte[random.Next(0, 64)];
            random.NextBytes(payload);
            var act = () => KeyframeDetector.Classify(payload, i % 2 == 0 ? VideoCodec.H264 : VideoCodec.H265);
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void RtpHeader_WithCsrcExtensionAndPadding_FindsPayload()
    {
        byte[] packet =
        [
            0xB1, 0x60, 0x12, 0x34, 0, 0, 0x0E, 0x10, 1, 2, 3, 4, // V=2, P=1, X=1, CC=1; seq 0x1234, ts 3600
            9, 9, 9, 9,                                        // one CSRC
            0xBE, 0xDE, 0, 1, 7, 7, 7, 7,                      // extension of one word
            0x65, 0x88, 0x84,                                  // payload
            0, 0, 2,                                           // two bytes of padding... the last byte says 2
        ];
        packet[^1] = 3;

        RtpHeader.TryRead(packet, out var sequence, out var timestamp, out var offset, out var length).Should().BeTrue();

        (sequence, timestamp).Should().Be(((ushort)0x1234, 3600u));
        packet.AsSpan(offset, length).ToArray().Should().Equal(0x65, 0x88, 0x84);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x60, 0, 1 })]                                     // too short
    [InlineData(new byte[] { 0x40, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0x65 })]       // version 1
    [InlineData(new byte[] { 0x8F, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0x65 })]       // 15 CSRCs announced, none present
    [InlineData(new byte[] { 0xA0, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0x65, 0x10 })] // padding longer than the payload
    public void RtpHeader_Malformed_IsRejected(byte[] packet) => RtpHeader.TryRead(packet, out _, out _, out _, out _).Should().BeFalse();
}
