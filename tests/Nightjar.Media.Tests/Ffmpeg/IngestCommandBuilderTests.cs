using Nightjar.Media.Ffmpeg;

namespace Nightjar.Media.Tests.Ffmpeg;

public sealed class IngestCommandBuilderTests
{
    private static readonly IngestOptions Basic = new()
    {
        SourceUrl = new Uri("rtsp://10.0.0.5:554/stream1"),
        Credentials = new SourceCredentials("admin", "p@ss:w/rd"),
        SegmentDirectory = "/srv/rec/lobby/main/2026/11/21/r1",
        RelayUrl = new Uri("rtsp://127.0.0.1:8554/lobby"),
        ClockOffset = TimeSpan.FromSeconds(17),
    };

    [Fact]
    public void Build_DefaultOptions_MatchesTheMeasuredCommandOfMediaMd72()
    {
        var command = IngestCommandBuilder.Build(Basic);

        command.FileName.Should().Be("ffmpeg");
        command.Arguments.Should().ContainInConsecutiveOrder("-progress", "pipe:1", "-stats_period", "1");
        command.Arguments.Should().ContainInConsecutiveOrder("-rtsp_transport", "tcp", "-timeout", "5000000");
        command.Arguments.Should().ContainInConsecutiveOrder("-fflags", "+genpts+discardcorrupt");
        command.Arguments.Should().ContainInConsecutiveOrder("-map", "0:v:0", "-c:v", "copy", "-an");
        command.Arguments.Should().Contain("-nostdin").And.NotContain("-use_wallclock_as_timestamps");
        command.Arguments.Should().ContainInConsecutiveOrder("-f", "tee");
        command.Arguments[^1].Should().Be(
            "[f=segment:segment_time=60:segment_time_delta=0.05:segment_atclocktime=1:segment_clocktime_offset=17:strftime=1:segment_format=mpegts"
            + @":segment_format_options=flush_packets\\=1\\:mpegts_flags\\=+initial_discontinuity"
            + ":segment_list=/srv/rec/lobby/main/2026/11/21/r1/segments.csv:segment_list_type=csv:segment_list_flags=+live]/srv/rec/lobby/main/2026/11/21/r1/%s.ts"
            + "|[f=rtsp:rtsp_transport=tcp:onfail=ignore:use_fifo=1"
            + @":fifo_options=attempt_recovery\\=1\\:recover_any_error\\=1\\:recovery_wait_time\\=1\\:drop_pkts_on_overflow\\=1\\:restart_with_keyframe\\=1]rtsp://127.0.0.1:8554/lobby");
    }

    [Fact]
    public void Build_Credentials_ArePercentEncodedIntoTheUrl()
    {
        var command = IngestCommandBuilder.Build(Basic);

        var input = command.Arguments[command.Arguments.ToList().IndexOf("-i") + 1];
        input.Should().Be("rtsp://admin:p%40ss%3Aw%2Frd@10.0.0.5:554/stream1");
        command.SensitiveValues.Should().Contain("p@ss:w/rd").And.Contain("p%40ss%3Aw%2Frd");
    }

    [Fact]
    public void ToDisplayString_NeverShowsTheCredentials()
    {
        var command = IngestCommandBuilder.Build(Basic);

        var shown = command.ToDisplayString();

        shown.Should().Contain("rtsp://***@10.0.0.5:554/stream1");
        shown.Should().NotContain("p@ss").And.NotContain("p%40ss").And.NotContain("admin");
        command.ToString().Should().Be(shown);
        Basic.Credentials!.ToString().Should().NotContain("p@ss").And.NotContain("admin");
    }

    [Fact]
    public void Build_CredentialsInlineInTheUrl_AreKeptAndMarkedSensitive()
    {
        var command = IngestCommandBuilder.Build(Basic with { SourceUrl = new Uri("rtsp://u:s3cret@cam/x"), Credentials = null });

        command.Arguments.Should().Contain("rtsp://u:s3cret@cam/x");
        command.SensitiveValues.Should().Contain("s3cret");
        command.ToDisplayString().Should().NotContain("s3cret");
    }

    [Theory]
    [InlineData(IngestAudio.CopyAac, new[] { "-map", "0:a:0?", "-c:a", "copy" })]
    [InlineData(IngestAudio.TranscodeToAac, new[] { "-map", "0:a:0?", "-c:a", "aac", "-b:a", "32k" })]
    public void Build_AudioVariants_MapOptionalAudio(IngestAudio audio, string[] expected)
    {
        var command = IngestCommandBuilder.Build(Basic with { Audio = audio });

        command.Arguments.Should().ContainInConsecutiveOrder(expected).And.NotContain("-an");
    }

    [Fact]
    public void Build_NoRelay_WritesOnlyTheSegmentOutput()
    {
        var command = IngestCommandBuilder.Build(Basic with { RelayUrl = null, AlignToClock = false, SegmentDuration = TimeSpan.FromSeconds(2) });

        var tee = command.Arguments[^1];
        tee.Should().NotContain("|").And.NotContain("f=rtsp").And.NotContain("segment_atclocktime");
        tee.Should().Contain("segment_time=2:");
    }

    [Fact]
    public void Build_NonRtspSource_UsesRwTimeoutInsteadOfRtspOptions()
    {
        var command = IngestCommandBuilder.Build(Basic with { SourceUrl = new Uri("http://10.0.0.5/video.ts"), Credentials = null });

        command.Arguments.Should().NotContain("-rtsp_transport");
        command.Arguments.Should().ContainInConsecutiveOrder("-rw_timeout", "5000000");
    }

    [Fact]
    public void Build_DirectoryWithTeeSeparators_IsEscaped()
    {
        var command = IngestCommandBuilder.Build(Basic with { SegmentDirectory = "/srv/a|b:c", RelayUrl = null });

        command.Arguments[^1].Should().Contain(@"segment_list=/srv/a\|b\\:c/segments.csv").And.EndWith(@"]/srv/a\|b:c/%s.ts");
    }

    [Theory]
    [InlineData("relative/dir")]
    [InlineData("/srv/100%/rec")]
    [InlineData("/srv/rec]x")]
    public void Build_UnusableDirectory_Throws(string directory)
    {
        var act = () => IngestCommandBuilder.Build(Basic with { SegmentDirectory = directory });

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Build_RelayWithCredentialsOrWrongScheme_Throws()
    {
        var withCredentials = () => IngestCommandBuilder.Build(Basic with { RelayUrl = new Uri("rtsp://a:b@127.0.0.1:8554/x") });
        var http = () => IngestCommandBuilder.Build(Basic with { RelayUrl = new Uri("http://127.0.0.1/x") });

        withCredentials.Should().Throw<ArgumentException>();
        http.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Build_SegmentShorterThanASecondOrOffsetOutsideIt_Throws()
    {
        var shortSegment = () => IngestCommandBuilder.Build(Basic with { SegmentDuration = TimeSpan.FromMilliseconds(500) });
        var offset = () => IngestCommandBuilder.Build(Basic with { ClockOffset = TimeSpan.FromSeconds(60) });

        shortSegment.Should().Throw<ArgumentException>();
        offset.Should().Throw<ArgumentException>();
    }
}
