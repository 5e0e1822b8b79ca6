using System.Buffers;
using System.Text;
using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class RtspRequestParserTests
{
    private const string Announce =
        "ANNOUNCE rtsp://127.0.0.1:8554/cam RTSP/1.0\r\nContent-Type: application/sdp\r\nCSeq: 2\r\nUser-Agent: Lavf59.27.100\r\nContent-Length: 5\r\n\r\nv=0\r\n";

    [Fact]
    public void Parse_CompleteRequestWithBody_ReturnsRequestAndConsumesExactly()
    {
        var bytes = Encoding.ASCII.GetBytes(Announce + "OPTIONS");

        var result = RtspRequestParser.Parse(bytes);

        result.Status.Should().Be(RtspParseStatus.Request);
        result.Consumed.Should().Be(Announce.Length);
        result.Request!.Method.Should().Be("ANNOUNCE");
        result.Request.Uri.Should().Be("rtsp://127.0.0.1:8554/cam");
        result.Request.CSeq.Should().Be("2");
        result.Request.Headers.Get("content-type").Should().Be("application/sdp", "header names are case-insensitive");
        Encoding.ASCII.GetString(result.Request.Body.Span).Should().Be("v=0\r\n");
    }

    [Fact]
    public void Parse_EveryTruncation_IsIncompleteNeverAPartialRequest()
    {
        var bytes = Encoding.ASCII.GetBytes(Announce);

        for (var length = 0; length < bytes.Length; length++)
        {
            RtspRequestParser.Parse(bytes.AsSpan(0, length)).Status.Should().Be(RtspParseStatus.Incomplete, $"{length} bytes are not a request yet");
        }
    }

    [Fact]
    public void Parse_SplitAcrossSegments_GivesSameResultAsContiguous()
    {
        var bytes = Encoding.ASCII.GetBytes(Announce);
        var sequence = Segments(bytes, 7);

        var result = RtspRequestParser.Parse(sequence);

        result.Status.Should().Be(RtspParseStatus.Request);
        result.Consumed.Should().Be(bytes.Length);
        result.Request!.Headers.Get("User-Agent").Should().Be("Lavf59.27.100");
    }

    [Fact]
    public void Parse_BareLineFeedsAndFoldedHeader_AreAccepted()
    {
        var result = RtspRequestParser.Parse(Encoding.ASCII.GetBytes("OPTIONS * RTSP/1.0\nCSeq: 1\nX-Long: part one\n  part two\n\n"));

        result.Status.Should().Be(RtspParseStatus.Request);
        result.Request!.Headers.Get("X-Long").Should().Be("part one part two");
    }

    [Fact]
    public void Parse_ResponseFromClient_IsConsumedAndIgnored()
    {
        const string response = "RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Length: 2\r\n\r\nok";

        var result = RtspRequestParser.Parse(Encoding.ASCII.GetBytes(response + "MORE"));

        result.Status.Should().Be(RtspParseStatus.Response);
        result.Consumed.Should().Be(response.Length, "the body belongs to the response");
    }

    [Theory]
    [InlineData("PLAY * RTSP/2.0\r\nCSeq: 1\r\n\r\n", "Invalid", 505)]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "Invalid", 505)]
    [InlineData("PLAY *\r\nCSeq: 1\r\n\r\n", "Fatal", 400)]
    [InlineData("PLAY * RTSP/1.0\r\nno colon here\r\n\r\n", "Fatal", 400)]
    [InlineData("PLAY * RTSP/1.0\r\nContent-Length: -1\r\n\r\n", "Fatal", 400)]
    [InlineData("PLAY * RTSP/1.0\r\nContent-Length: 99999999\r\n\r\n", "Fatal", 413)]
    [InlineData("PL(AY * RTSP/1.0\r\nCSeq: 1\r\n\r\n", "Fatal", 400)]
    [InlineData("\u0001\u0002garbage", "Fatal", 400)]
    public void Parse_BadInput_ReturnsCleanError(string text, string status, int code)
    {
        var result = RtspRequestParser.Parse(Encoding.Latin1.GetBytes(text));

        result.Status.ToString().Should().Be(status);
        result.ErrorStatus.Should().Be(code);
        result.Request.Should().BeNull();
    }

    [Fact]
    public void Parse_HeadersBeyondLimit_IsFatal413WithoutWaitingForMore()
    {
        var huge = Encoding.ASCII.GetBytes("OPTIONS * RTSP/1.0\r\nX: " + new string('a', 70_000));

        var result = RtspRequestParser.Parse(huge, maxRequestBytes: 64 * 1024);

        result.Status.Should().Be(RtspParseStatus.Fatal);
        result.ErrorStatus.Should().Be(413);
    }

    [Fact]
    public void Parse_RandomAndMutatedInput_NeverThrowsAndStaysInBounds()
    {
        var random = new Random(42);
        var seed = Encoding.ASCII.GetBytes(Announce);
        for (var i = 0; i < 20_000; i++)
        {
            byte[] input;
            if (i % 2 == 0)
            {
                input = new byte[random.Next(0, 600)];
                random.NextBytes(input);
            }
            else
            {
                input = (byte[])seed.Clone();
                for (var m = random.Next(1, 6); m > 0; m--)
                {
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                }

                input = input[..random.Next(0, input.Length + 1)];
            }

            var result = RtspRequestParser.Parse(input, maxRequestBytes: 512);

            result.Consumed.Should().BeInRange(0, input.Length);
            if (result.Status == RtspParseStatus.Request)
            {
                result.Request!.Method.Should().NotBeNullOrEmpty();
            }
            else if (result.Status is RtspParseStatus.Invalid or RtspParseStatus.Fatal)
            {
                result.ErrorStatus.Should().BeInRange(400, 599);
            }
        }
    }

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var chunk = bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset));
            if (first is null)
            {
                first = last = new Segment(chunk, 0);
            }
            else
            {
                last = last!.Append(chunk);
            }
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
