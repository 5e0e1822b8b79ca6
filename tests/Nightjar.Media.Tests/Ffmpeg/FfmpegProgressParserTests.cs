using Nightjar.Media.Ffmpeg;

namespace Nightjar.Media.Tests.Ffmpeg;

public sealed class FfmpegProgressParserTests
{
    [Fact]
    public void Feed_RealFfmpeg51Block_ParsesEveryField()
    {
        var parser = new FfmpegProgressParser();
        string[] block =
        [
            "frame=55", "fps=52.99", "stream_0_0_q=-1.0", "bitrate= 185.3kbits/s", "total_size=46624", "out_time_us=2040000",
            "out_time_ms=2040000", "out_time=00:00:02.040000", "dup_frames=0", "drop_frames=1", "speed=1.97x",
        ];

        block.Select(l => parser.Feed(l)).Should().OnlyContain(p => p == null);
        var progress = parser.Feed("progress=continue");

        progress.Should().Be(new FfmpegProgress(55, 52.99, 185.3, 46624, TimeSpan.FromSeconds(2.04), 0, 1, 1.97, false));
    }

    [Fact]
    public void Feed_FirstBlockWithNotAvailableValues_LeavesThemNull()
    {
        var parser = new FfmpegProgressParser();
        foreach (var line in new[] { "frame=1", "fps=0.00", "bitrate=N/A", "total_size=N/A", "out_time_us=N/A", "speed=N/A" })
        {
            parser.Feed(line);
        }

        var progress = parser.Feed("progress=end")!;

        progress.Frame.Should().Be(1);
        progress.BitrateKbps.Should().BeNull();
        progress.TotalSize.Should().BeNull();
        progress.OutTime.Should().BeNull();
        progress.Speed.Should().BeNull();
        progress.IsEnd.Should().BeTrue();
    }

    [Fact]
    public void Feed_NegativeOutTime_IsTreatedAsUnknown()
    {
        var parser = new FfmpegProgressParser();
        parser.Feed("out_time_us=-9223372036854775807");

        parser.Feed("progress=continue")!.OutTime.Should().BeNull();
    }

    [Fact]
    public void Feed_RandomLines_NeverThrow()
    {
        var random = new Random(5);
        var parser = new FfmpegProgressParser();
        string[] keys = ["frame", "fps", "bitrate", "total_size", "out_time_us", "speed", "progress", "dup_frames", "x", ""];
        const string alphabet = "0123456789.-+eE/NAkbits=x \t";
        for (var i = 0; i < 20_000; i++)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var line = random.Next(5) == 0 ? value : keys[random.Next(keys.Length)] + "=" + value;
            var act = () => parser.Feed(line);
            act.Should().NotThrow();
        }
    }
}
