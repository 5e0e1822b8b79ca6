using System.Text;
using Nightjar.Recording.Devices.Multipart;
using Nightjar.Recording.Tests.Devices.Support;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Devices;

/// <summary>Random, mutated, truncated and oddly chunked streams: no exception, no hang, memory within the caps.</summary>
public sealed class MultipartStreamParserFuzzTests
{
    private static readonly MultipartLimits Limits = new() { MaxTextPartBytes = 8 * 1024, MaxImagePartBytes = 16 * 1024, KeepImages = true };

    // The caps plus one 64 KiB slice plus slack: the most the parser may ever hold.
    private static readonly int MaxBuffer = Limits.MaxImagePartBytes + (64 * 1024) + 1024;

    private static readonly byte[] ValidStream = Encoding.UTF8.GetBytes(
        "\r\n" + Isapi.Part(Isapi.Alert("VMD")) + Isapi.Part(Isapi.Heartbeat(), contentLength: false)
        + Isapi.Part(Isapi.JsonAlert("linedetection", region: "1", target: "human"), "application/json")
        + Isapi.Part(Isapi.Alert("fielddetection", "inactive"), contentLength: false))
        .Concat(Isapi.ImagePart(2_000)).Concat(Encoding.UTF8.GetBytes(Isapi.Part(Isapi.Alert("VMD", "inactive")) + "--boundary--\r\n")).ToArray();

    [Fact]
    public async Task Feed_RandomBytes_NeverThrowsAndStaysBounded()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(6001);
            for (var i = 0; i < 300; i++)
            {
                var bytes = new byte[random.Next(0, 20_000)];
                random.NextBytes(bytes);
                Run(bytes, random);
            }
        });
    }

    [Fact]
    public async Task Feed_RandomTextBiasedTowardsMultipartSyntax_NeverThrowsAndStaysBounded()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(6002);
            foreach (var text in Fuzz.Strings(6002, 1_500, "-boundary\r\n:Content-Length: 12<>{}\"", maxLength: 400))
            {
                Run(Encoding.UTF8.GetBytes(text), random);
            }
        });
    }

    [Fact]
    public async Task Feed_EveryTruncationOfAValidStream_NeverThrows()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(6003);
            for (var length = 0; length <= ValidStream.Length; length += 7)
            {
                Run(ValidStream[..length], random);
            }
        });
    }

    [Fact]
    public async Task Feed_MutatedValidStreams_NeverThrowAndKeepFindingParts()
    {
        var partsSeen = 0;
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(6004);
            for (var i = 0; i < 1_000; i++)
            {
                var bytes = (byte[])ValidStream.Clone();
                for (var m = random.Next(1, 6); m > 0; m--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                partsSeen += Run(bytes, random).Parts.Count;
            }
        });

        partsSeen.Should().BeGreaterThan(3_000, "a few flipped bytes damage a part or two, not the whole stream");
    }

    [Fact]
    public async Task Feed_ValidStreamInRandomChunks_AlwaysGivesTheSameResult()
    {
        var reference = Run(ValidStream, null);
        reference.Parts.Should().HaveCount(6);
        reference.Errors.Should().BeEmpty();

        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(6005);
            for (var i = 0; i < 500; i++)
            {
                Run(ValidStream, random).Log.Should().Equal(reference.Log);
            }
        });
    }

    /// <summary>Feeds in random chunk sizes (or whole when <paramref name="random"/> is null), checking the memory bound after each.</summary>
    private static CollectingListener Run(byte[] bytes, Random? random)
    {
        var listener = new CollectingListener();
        var parser = new MultipartStreamParser(IsapiDeviceSimulator.Boundary, Limits, listener);
        var position = 0;
        while (position < bytes.Length)
        {
            var size = random is null ? bytes.Length : Math.Min(bytes.Length - position, random.Next(1, 3_000));
            parser.Feed(bytes.AsSpan(position, size));
            position += size;
            parser.BufferedBytes.Should().BeLessThanOrEqualTo(MaxBuffer);
        }

        parser.Complete();
        parser.BufferedBytes.Should().Be(0);
        return listener;
    }
}
