using System.Text;
using Nightjar.Recording.Devices.Multipart;
using Nightjar.Recording.Tests.Devices.Support;

namespace Nightjar.Recording.Tests.Devices;

public sealed class MultipartStreamParserTests
{
    private static readonly string Motion = Isapi.Alert("VMD");
    private static readonly string Line = Isapi.Alert("linedetection", region: "1", target: "human");

    [Fact]
    public void Feed_HikvisionStream_DeliversEachPartWithoutItsLineBreak()
    {
        var listener = Parse(Isapi.Part(Motion) + Isapi.Part(Line));

        listener.Parts.Should().Equal(Motion, Line);
        listener.ContentTypes.Should().AllBe("application/xml; charset=\"UTF-8\"");
        listener.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Feed_PartWithContentLength_IsDeliveredBeforeTheNextDelimiterArrives()
    {
        var listener = new CollectingListener();
        var parser = Parser(listener);

        parser.Feed(Bytes(Isapi.Part(Motion)));

        listener.Parts.Should().Equal(Motion);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/json")]
    public void Feed_PartWithoutContentLength_IsDeliveredOnceTheDocumentIsComplete(string contentType)
    {
        var body = contentType.EndsWith("json", StringComparison.Ordinal) ? Isapi.JsonAlert("VMD") : Motion;
        var listener = new CollectingListener();
        var parser = Parser(listener);
        var half = body.Length / 2;

        parser.Feed(Bytes(Isapi.PartHead(contentType, null) + body[..half]));
        listener.Parts.Should().BeEmpty("half a document is not a document");
        parser.Feed(Bytes(body[half..] + "\r\n"));

        listener.Parts.Should().ContainSingle().Which.TrimEnd().Should().Be(body.TrimEnd());
        parser.Feed(Bytes(Isapi.Part(Line, contentLength: false)));
        listener.Parts.Should().HaveCount(2);
        listener.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Feed_LeadingLineBreaksAndPreamble_AreIgnoredQuietly()
    {
        var listener = Parse("\r\n\r\n\r\nsome preamble text\r\n" + Isapi.Part(Motion));

        listener.Parts.Should().Equal(Motion);
        listener.Errors.Should().BeEmpty("a preamble is allowed by RFC 2046");
    }

    [Fact]
    public void Feed_DelimiterGluedToTheBody_IsAccepted()
    {
        var glued = Isapi.PartHead("application/xml", null) + Motion.TrimEnd() + "--boundary\r\n"
            + "Content-Type: application/xml\r\n\r\n" + Line + "\r\n--boundary\r\n";

        var listener = Parse(glued);

        listener.Parts.Should().HaveCount(2);
        listener.Parts[0].Should().Be(Motion.TrimEnd());
        listener.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Feed_BareLineFeeds_AreAccepted()
    {
        var body = Motion.Replace("\r\n", "\n", StringComparison.Ordinal);
        var listener = Parse(Isapi.Part(body).Replace("\r\n", "\n", StringComparison.Ordinal) + Isapi.Part(body, contentLength: false).Replace("\r\n", "\n", StringComparison.Ordinal));

        listener.Parts.Should().HaveCount(2);
        listener.Parts[0].Should().Be(body);
        listener.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Feed_OneByteAtATime_GivesTheSameParts()
    {
        var stream = "\r\n" + Isapi.Part(Motion) + Isapi.Part(Line, contentLength: false) + Isapi.Part(Isapi.JsonAlert("VMD"), "application/json")
            + Isapi.Part(Motion) + "--boundary--\r\n";
        var whole = Parse(stream);
        var listener = new CollectingListener();
        var parser = Parser(listener);

        foreach (var b in Bytes(stream))
        {
            parser.Feed([b]);
        }

        parser.Complete();
        listener.Log.Should().Equal(whole.Log);
        whole.Parts.Should().HaveCount(4);
    }

    [Fact]
    public void Feed_BrokenDelimiterLine_ReportsBoundaryAndTheNextPartArrives()
    {
        var broken = Isapi.Part(Motion) + "--boundaryXYZ\r\nContent-Type: application/xml\r\n\r\n<lost/>\r\n" + Isapi.Part(Line);

        var listener = Parse(broken);

        listener.Log.Should().Equal("part:" + Motion, "error:Boundary", "part:" + Line);
    }

    [Fact]
    public void Feed_BytesBetweenABodyAndTheNextDelimiter_ReportBoundaryOnce()
    {
        var listener = Parse(Isapi.Part(Motion) + "garbage that is not a delimiter\r\nmore garbage\r\n" + Isapi.Part(Line));

        listener.Log.Should().Equal("part:" + Motion, "error:Boundary", "part:" + Line);
    }

    [Fact]
    public void Feed_DelimiterInsideTheDeclaredLength_ReportsTruncatedAndTheNextPartArrives()
    {
        var truncated = Isapi.PartHead("application/xml", Encoding.UTF8.GetByteCount(Motion)) + Motion[..40] + "\r\n" + Isapi.Part(Line);

        var listener = Parse(truncated);

        listener.Log.Should().Equal("error:Truncated", "part:" + Line);
    }

    [Fact]
    public void Complete_InTheMiddleOfAPart_ReportsTruncated()
    {
        var listener = new CollectingListener();
        var parser = Parser(listener);
        parser.Feed(Bytes(Isapi.Part(Motion) + Isapi.PartHead("application/xml", 500) + Motion[..50]));

        parser.Complete();

        listener.Log.Should().Equal("part:" + Motion, "error:Truncated");
    }

    [Fact]
    public void Complete_AfterTheLastPartWithoutClosingDelimiter_IsNoError()
    {
        var listener = Parse(Isapi.Part(Motion));

        listener.Log.Should().Equal("part:" + Motion);
    }

    [Fact]
    public void Feed_EndlessPart_IsSkippedWithBoundedMemoryAndReportedOnce()
    {
        var limits = new MultipartLimits { MaxTextPartBytes = 64 * 1024 };
        var listener = new CollectingListener();
        var parser = new MultipartStreamParser(IsapiDeviceSimulator.Boundary, limits, listener);
        parser.Feed(Bytes(Isapi.PartHead("application/xml", null) + "<EventNotificationAlert>"));
        var filler = Encoding.ASCII.GetBytes(new string('x', 10_000));
        var maxBuffer = 0;

        for (var i = 0; i < 1_000; i++)
        {
            parser.Feed(filler);
            maxBuffer = Math.Max(maxBuffer, parser.BufferCapacity);
        }

        parser.Feed(Bytes("\r\n" + Isapi.Part(Line)));
        listener.Log.Should().Equal("error:Oversized", "part:" + Line);
        maxBuffer.Should().BeLessThan(limits.MaxTextPartBytes + (200 * 1024), "10 MB of endless part must not be buffered");
    }

    [Fact]
    public void Feed_DeclaredLengthOverTheCap_IsSkippedWithoutBuffering()
    {
        var limits = new MultipartLimits { MaxTextPartBytes = 4096 };
        var big = "<EventNotificationAlert>" + new string('y', 100_000) + "</EventNotificationAlert>";
        var listener = new CollectingListener();
        var parser = new MultipartStreamParser(IsapiDeviceSimulator.Boundary, limits, listener);

        parser.Feed(Bytes(Isapi.Part(big) + Isapi.Part(Motion)));

        listener.Log.Should().Equal("error:Oversized", "part:" + Motion);
        parser.BufferCapacity.Should().BeLessThan(200 * 1024);
    }

    [Fact]
    public void Feed_Images_AreDroppedByDefaultWithoutAnError()
    {
        var listener = new CollectingListener();
        var parser = Parser(listener);

        parser.Feed([.. Bytes(Isapi.Part(Line)), .. Isapi.ImagePart(300_000), .. Bytes(Isapi.Part(Motion))]);

        listener.Log.Should().Equal("part:" + Line, "dropped:Image", "part:" + Motion);
        parser.BufferCapacity.Should().BeLessThan(200 * 1024, "a dropped image is not buffered");
    }

    [Fact]
    public void Feed_ImagesWhenKept_AreDeliveredUpToTheirCap()
    {
        var limits = new MultipartLimits { KeepImages = true, MaxImagePartBytes = 100_000 };
        var listener = new CollectingListener();
        var parser = new MultipartStreamParser(IsapiDeviceSimulator.Boundary, limits, listener);

        parser.Feed([.. Isapi.ImagePart(50_000), .. Isapi.ImagePart(150_000), .. Bytes(Isapi.Part(Motion))]);

        listener.Log.Should().Equal("part:<image 50000>", "error:Oversized", "part:" + Motion);
    }

    [Fact]
    public void Feed_UnknownContentType_IsDroppedQuietly()
    {
        var listener = Parse(Isapi.Part("binary", "application/octet-stream") + Isapi.Part(Motion));

        listener.Log.Should().Equal("dropped:Other", "part:" + Motion);
    }

    [Fact]
    public void Feed_ClosingDelimiterThenMoreParts_KeepsParsing()
    {
        var listener = Parse(Isapi.Part(Motion) + "--boundary--\r\n" + Isapi.Part(Line));

        listener.Parts.Should().Equal(Motion, Line);
    }

    [Fact]
    public void Feed_OversizedHeaderBlock_ReportsOversizedAndRecovers()
    {
        var headers = "--boundary\r\n" + string.Concat(Enumerable.Repeat("X-Filler: " + new string('h', 100) + "\r\n", 500));

        var listener = Parse(headers + Isapi.Part(Motion));

        listener.Log.Should().Equal("error:Oversized", "part:" + Motion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("this\r\nboundary")]
    public void Constructor_UnusableBoundary_Throws(string boundary)
    {
        var create = () => new MultipartStreamParser(boundary, new MultipartLimits(), new CollectingListener());

        create.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("application/xml; charset=\"UTF-8\"", "Text")]
    [InlineData("application/json", "Text")]
    [InlineData("text/plain", "Text")]
    [InlineData(null, "Text")]
    [InlineData("image/jpeg", "Image")]
    [InlineData("IMAGE/JPEG", "Image")]
    [InlineData("application/octet-stream", "Other")]
    public void Classify_ContentTypes(string? contentType, string expected) =>
        MultipartStreamParser.Classify(contentType).Should().Be(Enum.Parse<PartKind>(expected));

    private static CollectingListener Parse(string stream)
    {
        var listener = new CollectingListener();
        var parser = Parser(listener);
        parser.Feed(Bytes(stream));
        parser.Complete();
        return listener;
    }

    private static MultipartStreamParser Parser(CollectingListener listener) =>
        new(IsapiDeviceSimulator.Boundary, new MultipartLimits(), listener);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
