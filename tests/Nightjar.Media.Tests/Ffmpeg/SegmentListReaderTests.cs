using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Tests.Segments;

namespace Nightjar.Media.Tests.Ffmpeg;

public sealed class SegmentListReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new("nj-list");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Poll_AppendedLines_AreReadOnceAndPartialLinesWait()
    {
        var path = _temp.Combine("segments.csv");
        var reader = new SegmentListReader(path);
        reader.Poll().Should().BeEmpty("the list does not exist yet");

        File.WriteAllText(path, "1795267725.ts,0.000000,1.960000\n1795267726.ts,1.960000,3.9");
        reader.Poll().Should().Equal(new SegmentListEntry("1795267725.ts", TimeSpan.Zero, TimeSpan.FromSeconds(1.96)));

        File.AppendAllText(path, "60000\n");
        var second = reader.Poll().Should().ContainSingle().Subject;
        second.FileName.Should().Be("1795267726.ts");
        second.Duration.Should().Be(TimeSpan.FromSeconds(2));
        reader.Poll().Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"a,b.ts\",1.5,2.5", "a,b.ts")]
    [InlineData("\"a\"\"b.ts\",1.5,2.5", "a\"b.ts")]
    [InlineData("plain.ts,1.5,2.5", "plain.ts")]
    public void TryParseLine_CsvQuoting_IsUnderstood(string line, string name)
    {
        SegmentListReader.TryParseLine(line, out var entry).Should().BeTrue();
        entry.FileName.Should().Be(name);
        entry.Start.Should().Be(TimeSpan.FromSeconds(1.5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("x.ts")]
    [InlineData("x.ts,1")]
    [InlineData("x.ts,a,b")]
    [InlineData("x.ts,2,1")]
    [InlineData("x.ts,-1,1")]
    [InlineData("x.ts,1,NaN")]
    [InlineData("x.ts,1,1e300")]
    [InlineData(",1,2")]
    [InlineData("\"unterminated,1,2")]
    public void TryParseLine_Garbage_IsRejected(string line)
    {
        SegmentListReader.TryParseLine(line, out _).Should().BeFalse();
    }

    [Fact]
    public void Poll_RandomBytes_NeverThrowsAndSkipsOverlongLines()
    {
        var path = _temp.Combine("fuzz.csv");
        var random = new Random(11);
        var reader = new SegmentListReader(path);
        using (var stream = File.Create(path))
        {
            var junk = new byte[20_000];
            random.NextBytes(junk);
            stream.Write(junk);
            stream.Write("\nok.ts,1,2\n"u8);
        }

        var entries = reader.Poll().Concat(reader.Poll()).ToList();

        entries.Should().ContainSingle(e => e.FileName == "ok.ts");
    }
}
