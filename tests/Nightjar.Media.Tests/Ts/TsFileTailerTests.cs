using Nightjar.Media.Ts;

namespace Nightjar.Media.Tests.Ts;

public sealed class TsFileTailerTests(TsClipFixture clips) : IClassFixture<TsClipFixture>
{
    [Fact]
    public void Poll_FileGrowingInPieces_ReportsEachGopOnceAndEndsLikeAFullScan()
    {
        var source = File.ReadAllBytes(clips.H264);
        var expected = TsIndexer.IndexFile(clips.H264);
        var path = Path.Combine(clips.Directory, "growing-" + Guid.NewGuid().ToString("N") + ".ts");
        using var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        using var tailer = new TsFileTailer(path);
        var reported = new List<GopEntry>();

        for (var position = 0; position < source.Length; position += 7_001)
        {
            writer.Write(source, position, Math.Min(7_001, source.Length - position));
            writer.Flush();
            reported.AddRange(tailer.Poll());
            tailer.Current.IndexedLength.Should().BeLessThanOrEqualTo(writer.Length);
        }

        reported.Should().Equal(expected.Gops.Take(4), "the last GOP is still open while the file may grow");
        tailer.Current.OpenGop.Should().NotBeNull();

        var final = tailer.Complete();
        final.Gops.Should().Equal(expected.Gops);
        final.OpenGop.Should().BeNull();
    }

    [Fact]
    public void Poll_FileShrank_ThrowsInvalidData()
    {
        var path = Path.Combine(clips.Directory, "shrink-" + Guid.NewGuid().ToString("N") + ".ts");
        File.Copy(clips.H264, path);
        using var tailer = new TsFileTailer(path);
        tailer.Poll();

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.SetLength(188 * 10);
        }

        var act = () => tailer.Poll();

        act.Should().Throw<InvalidDataException>();
    }
}
